package raypool.xapi.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Virtual disks (VDI) on the pool's storage repositories and the block devices (VBD) that connect them to
 * VMs, with xapi's rules for what self-service needs: VDI.create on an SR that exists, VBD.create with a
 * free user device (DEVICE_ALREADY_EXISTS) and a VDI no other VM uses (VDI_IN_USE [vdi, operation]),
 * VBD.plug only on a running VM (VM_BAD_POWER_STATE) and once (DEVICE_ALREADY_ATTACHED), VDI.resize only
 * while no running VM has the disk plugged (VDI_IN_USE) and VDI.resize_online only while one does, never
 * smaller than the disk is. The stand's guests have no VDIs of their own here: every disk is one a client
 * made. Guarded by the pool's lock.
 */
final class SimDisks {
    static final List<String> CLASSES = List.of("VDI", "VBD");

    private static final class Vdi {
        final String ref;
        final String uuid;
        final String name;
        final String sr;
        long virtualSize;

        Vdi(String ref, String uuid, String name, String sr, long virtualSize) {
            this.ref = ref;
            this.uuid = uuid;
            this.name = name;
            this.sr = sr;
            this.virtualSize = virtualSize;
        }
    }

    private static final class Vbd {
        final String ref;
        final String uuid;
        final String vm;
        final String vdi;
        final String userdevice;
        boolean attached;

        Vbd(String ref, String uuid, String vm, String vdi, String userdevice) {
            this.ref = ref;
            this.uuid = uuid;
            this.vm = vm;
            this.vdi = vdi;
            this.userdevice = userdevice;
        }
    }

    private final SimIds ids;
    private final Map<String, Vdi> vdis = new LinkedHashMap<>();
    private final Map<String, Vbd> vbds = new LinkedHashMap<>();

    SimDisks(SimIds ids) {
        this.ids = ids;
    }

    List<String> refs(String cls) {
        return switch (cls) {
            case "VDI" -> List.copyOf(vdis.keySet());
            case "VBD" -> List.copyOf(vbds.keySet());
            default -> throw new IllegalArgumentException("no class " + cls);
        };
    }

    Optional<Map<String, Object>> record(String cls, String ref) {
        return switch (cls) {
            case "VDI" -> Optional.ofNullable(vdis.get(ref)).map(this::vdiRecord);
            case "VBD" -> Optional.ofNullable(vbds.get(ref)).map(SimDisks::vbdRecord);
            default -> Optional.empty();
        };
    }

    static Map<String, Object> prototype(String cls) {
        SimDisks empty = new SimDisks(new SimIds(0));
        return switch (cls) {
            case "VDI" -> empty.vdiRecord(new Vdi(Records.NULL_REF, "", "", Records.NULL_REF, 0));
            case "VBD" -> vbdRecord(new Vbd(Records.NULL_REF, "", Records.NULL_REF, Records.NULL_REF, ""));
            default -> throw new IllegalArgumentException("no class " + cls);
        };
    }

    void decorateVm(SimVm vm, Map<String, Object> r) {
        r.put("VBDs", vbds.values().stream().filter(b -> b.vm.equals(vm.ref)).map(b -> b.ref).toList());
    }

    /** VDI.create(record): {@code srExists} tells whether the record's SR is one of the pool's. */
    String createVdi(Map<String, Object> record, boolean srExists) {
        String sr = String.valueOf(record.getOrDefault("SR", ""));
        if (!srExists) {
            throw new SimError("HANDLE_INVALID", "SR", sr);
        }
        long size = number(record.get("virtual_size"));
        if (size <= 0) {
            throw new SimError("INVALID_VALUE", "virtual_size", String.valueOf(record.get("virtual_size")));
        }
        Vdi v = new Vdi(ids.ref(), ids.uuid(), String.valueOf(record.getOrDefault("name_label", "")), sr, size);
        vdis.put(v.ref, v);
        return v.ref;
    }

    String createVbd(SimVm vm, Map<String, Object> record) {
        String vdi = String.valueOf(record.getOrDefault("VDI", ""));
        if (!vdis.containsKey(vdi)) {
            throw new SimError("HANDLE_INVALID", "VDI", vdi);
        }
        String device = String.valueOf(record.getOrDefault("userdevice", ""));
        if (!device.matches("[0-9]{1,2}")) {
            throw new SimError("INVALID_DEVICE", device);
        }
        if (vbds.values().stream().anyMatch(b -> b.vm.equals(vm.ref) && b.userdevice.equals(device))) {
            throw new SimError("DEVICE_ALREADY_EXISTS", device);
        }
        if (vbds.values().stream().anyMatch(b -> b.vdi.equals(vdi))) {
            throw new SimError("VDI_IN_USE", vdi, "VBD.create");
        }
        Vbd b = new Vbd(ids.ref(), ids.uuid(), vm.ref, vdi, device);
        vbds.put(b.ref, b);
        return b.ref;
    }

    String vmOf(String vbd) {
        return requireVbd(vbd).vm;
    }

    void plug(String vbdRef, SimVm vm) {
        Vbd b = requireVbd(vbdRef);
        if (!vm.running()) {
            throw new SimError("VM_BAD_POWER_STATE", vm.ref, "running", vm.powerState.toLowerCase(Locale.ROOT));
        }
        if (b.attached) {
            throw new SimError("DEVICE_ALREADY_ATTACHED", vbdRef);
        }
        b.attached = true;
    }

    /** VDI.resize (online = false) or VDI.resize_online (online = true). */
    void resize(String vdiRef, long size, boolean online) {
        Vdi v = vdis.get(vdiRef);
        if (v == null) {
            throw new SimError("HANDLE_INVALID", "VDI", vdiRef);
        }
        boolean plugged = vbds.values().stream().anyMatch(b -> b.vdi.equals(vdiRef) && b.attached);
        if (plugged != online) {
            throw new SimError("VDI_IN_USE", vdiRef, online ? "resize_online" : "resize");
        }
        if (size < v.virtualSize) {
            throw new SimError("INVALID_VALUE", "size", Long.toString(size) + " is smaller than the disk ("
                    + v.virtualSize + ")");
        }
        v.virtualSize = size;
    }

    /** The VM started or stopped: its block devices are plugged while it runs. Returns the VBDs that changed. */
    List<String> powerChanged(SimVm vm) {
        List<String> changed = new ArrayList<>();
        for (Vbd b : vbds.values()) {
            if (b.vm.equals(vm.ref) && b.attached != vm.running()) {
                b.attached = vm.running();
                changed.add(b.ref);
            }
        }
        return changed;
    }

    String vdiOf(String vbd) {
        return requireVbd(vbd).vdi;
    }

    private Vbd requireVbd(String ref) {
        Vbd b = vbds.get(ref);
        if (b == null) {
            throw new SimError("HANDLE_INVALID", "VBD", ref);
        }
        return b;
    }

    private Map<String, Object> vdiRecord(Vdi v) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", v.uuid);
        r.put("name_label", v.name);
        r.put("name_description", "");
        r.put("allowed_operations", List.of());
        r.put("current_operations", Map.of());
        r.put("SR", v.sr);
        r.put("VBDs", vbds.values().stream().filter(b -> b.vdi.equals(v.ref)).map(b -> b.ref).toList());
        r.put("virtual_size", v.virtualSize);
        r.put("physical_utilisation", v.virtualSize / 10);
        r.put("type", "user");
        r.put("sharable", false);
        r.put("read_only", false);
        r.put("managed", true);
        r.put("missing", false);
        r.put("is_a_snapshot", false);
        r.put("other_config", Map.of());
        r.put("tags", List.of());
        return r;
    }

    private static Map<String, Object> vbdRecord(Vbd b) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", b.uuid);
        r.put("allowed_operations", List.of());
        r.put("current_operations", Map.of());
        r.put("VM", b.vm);
        r.put("VDI", b.vdi);
        r.put("device", b.userdevice.isEmpty() ? "" : "xvd" + (char) ('a' + Integer.parseInt(b.userdevice) % 26));
        r.put("userdevice", b.userdevice);
        r.put("bootable", false);
        r.put("mode", "RW");
        r.put("type", "Disk");
        r.put("empty", false);
        r.put("currently_attached", b.attached);
        r.put("other_config", Map.of());
        return r;
    }

    private static long number(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(o));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
