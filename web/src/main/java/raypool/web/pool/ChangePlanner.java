package raypool.web.pool;

import java.util.ArrayList;
import java.util.List;
import raypool.web.access.Usage;

/**
 * Decides the XAPI calls for a power operation or a hardware change, from the VM as it is (pure). A halted
 * VM gets new limits (VM.set_VCPUs_max / set_VCPUs_at_startup, VM.set_memory_limits); a running one changes
 * live (VM.set_VCPUs_number_live, VM.set_memory_dynamic_range), which XAPI allows only within the VM's
 * static limits and refuses otherwise: that refusal is passed on, not second-guessed here.
 */
public final class ChangePlanner {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    private ChangePlanner() {
    }

    public static ChangePlan power(VmView vm, PowerOp op) {
        XapiCall call = switch (op) {
            case START, RESUME -> XapiCall.of("VM." + op.wire(), vm.ref(), false, false);
            case CLEAN_SHUTDOWN, CLEAN_REBOOT, SUSPEND -> XapiCall.of("VM." + op.wire(), vm.ref());
        };
        Usage adds = switch (op) {
            case START, RESUME -> vm.running() ? Usage.NONE : vm.startUsage();
            case CLEAN_SHUTDOWN, SUSPEND, CLEAN_REBOOT -> Usage.NONE;
        };
        return new ChangePlan(List.of(call), adds);
    }

    /**
     * Attaching a network: VIF.create on the lowest free device number, then (the gateway, with the new
     * VIF's ref) VIF.plug when the VM runs; a halted VM's interface is plugged at its next start.
     */
    public static VifPlan attach(VmView vm, NetworkView network, List<VifView> existing) {
        int device = 0;
        while (deviceTaken(existing, device)) {
            device++;
        }
        java.util.Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("device", Integer.toString(device));
        record.put("network", network.ref());
        record.put("VM", vm.ref());
        record.put("MAC", "");
        record.put("MTU", 1500L);
        record.put("other_config", java.util.Map.of());
        record.put("qos_algorithm_type", "");
        record.put("qos_algorithm_params", java.util.Map.of());
        return new VifPlan(XapiCall.of("VIF.create", record), vm.running());
    }

    /** Adding a disk of {@code sizeGib} on the pool's default SR, on the lowest free user device from 1. */
    public static DiskPlan addDisk(VmView vm, String sr, String name, long sizeGib, List<DiskView> existing) {
        int device = 1;
        while (diskDeviceTaken(existing, device)) {
            device++;
        }
        java.util.Map<String, Object> vdi = new java.util.LinkedHashMap<>();
        vdi.put("name_label", name);
        vdi.put("name_description", "");
        vdi.put("SR", sr);
        vdi.put("virtual_size", sizeGib * GIB);
        vdi.put("type", "user");
        vdi.put("sharable", false);
        vdi.put("read_only", false);
        vdi.put("other_config", java.util.Map.of());
        java.util.Map<String, Object> vbd = new java.util.LinkedHashMap<>();
        vbd.put("VM", vm.ref());
        vbd.put("userdevice", Integer.toString(device));
        vbd.put("bootable", false);
        vbd.put("mode", "RW");
        vbd.put("type", "Disk");
        vbd.put("empty", false);
        vbd.put("other_config", java.util.Map.of());
        vbd.put("qos_algorithm_type", "");
        vbd.put("qos_algorithm_params", java.util.Map.of());
        return new DiskPlan(vdi, vbd, vm.running());
    }

    /** Growing a disk: VDI.resize_online while it is plugged into a running VM, VDI.resize otherwise. */
    public static ChangePlan growDisk(DiskView disk, long sizeGib) {
        String method = disk.attached() ? "VDI.resize_online" : "VDI.resize";
        return new ChangePlan(List.of(XapiCall.of(method, disk.vdiRef(), sizeGib * GIB)), Usage.disk(sizeGib - disk.sizeGib()));
    }

    private static boolean diskDeviceTaken(List<DiskView> disks, int device) {
        return disks.stream().anyMatch(d -> d.userdevice().equals(Integer.toString(device)));
    }

    /** Detaching: VIF.unplug while it is plugged, then VIF.destroy. */
    public static ChangePlan detach(VifView vif) {
        List<XapiCall> calls = new ArrayList<>();
        if (vif.attached()) {
            calls.add(XapiCall.of("VIF.unplug", vif.ref()));
        }
        calls.add(XapiCall.of("VIF.destroy", vif.ref()));
        return new ChangePlan(calls, Usage.NONE);
    }

    private static boolean deviceTaken(List<VifView> vifs, int device) {
        return vifs.stream().anyMatch(v -> v.device().equals(Integer.toString(device)));
    }

    public static ChangePlan hardware(VmView vm, HardwareChange change) {
        List<XapiCall> calls = new ArrayList<>();
        long vcpus = change.vcpus().orElse(vm.vcpus());
        long memory = change.memoryMib().orElse(vm.memoryMib());
        if (vm.running()) {
            if (vcpus != vm.vcpus()) {
                calls.add(XapiCall.of("VM.set_VCPUs_number_live", vm.ref(), vcpus));
            }
            if (memory != vm.memoryMib()) {
                calls.add(XapiCall.of("VM.set_memory_dynamic_range", vm.ref(), memory * MIB, memory * MIB));
            }
            return new ChangePlan(calls, new Usage(vcpus - vm.vcpus(), memory - vm.memoryMib(), 0));
        }
        if (vcpus != vm.vcpus()) {
            if (vcpus > vm.vcpusMax()) {
                calls.add(XapiCall.of("VM.set_VCPUs_max", vm.ref(), vcpus));
            }
            calls.add(XapiCall.of("VM.set_VCPUs_at_startup", vm.ref(), vcpus));
        }
        if (memory != vm.memoryMib()) {
            long staticMin = Math.min(vm.memoryStaticMinMib(), memory);
            long staticMax = Math.max(vm.memoryStaticMaxMib(), memory);
            calls.add(XapiCall.of("VM.set_memory_limits", vm.ref(), staticMin * MIB, staticMax * MIB, memory * MIB,
                    memory * MIB));
        }
        return new ChangePlan(calls, Usage.NONE);
    }
}
