package raypool.xapi.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated pool's networks, as xapi keeps them: networks, the hosts' interfaces (PIFs: each
 * host's management PIF on the pool-wide network, and one access PIF per tunnel), GRE/VXLAN tunnels,
 * the VMs' interfaces (VIFs) and the addresses the guest agents report (VM_guest_metrics). Every guest
 * of the stand starts with VIF 0 on the pool-wide network. Guarded by the pool's lock: every method
 * expects its caller to hold it.
 *
 * <p>The rules are xapi's (xapi_tunnel.ml, xapi_vif_helpers.ml): a tunnel needs a transport PIF with
 * an address (TRANSPORT_PIF_NOT_CONFIGURED) that is not itself a tunnel's access PIF
 * (IS_TUNNEL_ACCESS_PIF), and one host has at most one tunnel of a network (NETWORK_ALREADY_CONNECTED);
 * VIF devices are unique per VM (DEVICE_ALREADY_EXISTS); plug needs a running VM and an unplugged VIF
 * (DEVICE_ALREADY_ATTACHED), unplug a plugged one (DEVICE_ALREADY_DETACHED); an attached VIF cannot be
 * destroyed.
 */
final class SimNetworks {
    static final class Net {
        final String ref;
        final String uuid;
        final String name;
        final String description;
        final String bridge;
        final long mtu;
        final Map<String, String> otherConfig;

        Net(String ref, String uuid, String name, String description, String bridge, long mtu,
            Map<String, String> otherConfig) {
            this.ref = ref;
            this.uuid = uuid;
            this.name = name;
            this.description = description;
            this.bridge = bridge;
            this.mtu = mtu;
            this.otherConfig = new LinkedHashMap<>(otherConfig);
        }
    }

    /** @param tunnelOf the tunnel this PIF is the access PIF of, or "" for a physical PIF */
    record Pif(String ref, String uuid, String host, String network, String device, boolean management, String ip,
               String tunnelOf) {
    }

    record Tunnel(String ref, String uuid, String accessPif, String transportPif, String protocol) {
    }

    static final class Vif {
        final String ref;
        final String uuid;
        final String vm;
        final String network;
        final String device;
        final String mac;
        final String ip;
        boolean attached;

        Vif(String ref, String uuid, String vm, String network, String device, String mac, String ip) {
            this.ref = ref;
            this.uuid = uuid;
            this.vm = vm;
            this.network = network;
            this.device = device;
            this.mac = mac;
            this.ip = ip;
        }
    }

    /** A VM's guest metrics object: its ref and uuid (the addresses come from its VIFs). */
    record GuestMetrics(String ref, String uuid) {
    }

    /** The XAPI classes kept here. */
    static final List<String> CLASSES = List.of("network", "PIF", "tunnel", "VIF", "VM_guest_metrics");

    private final SimIds ids;
    private final String poolWideRef;
    private final Map<String, Net> networks = new LinkedHashMap<>();
    private final Map<String, Pif> pifs = new LinkedHashMap<>();
    private final Map<String, Tunnel> tunnels = new LinkedHashMap<>();
    private final Map<String, Vif> vifs = new LinkedHashMap<>();
    private final Map<String, GuestMetrics> guestMetrics = new LinkedHashMap<>();
    private int nextAddress = 10;

    SimNetworks(SimIds ids, String poolWideRef, String poolWideUuid) {
        this.ids = ids;
        this.poolWideRef = poolWideRef;
        networks.put(poolWideRef, new Net(poolWideRef, poolWideUuid, "Pool-wide network associated with eth0", "",
                "xenbr0", 1500, Map.of()));
    }

    /** The host's management PIF on the pool-wide network (its ref and uuid are the host's). */
    void addHost(SimHost h) {
        pifs.put(h.pifRef, new Pif(h.pifRef, h.pifUuid, h.ref, poolWideRef, "eth0", true, h.address, ""));
    }

    /** A host leaves the pool: its PIFs and the tunnels on them go. */
    void removeHost(SimHost h) {
        List<String> gone = pifs.values().stream().filter(p -> p.host().equals(h.ref)).map(Pif::ref).toList();
        tunnels.values().removeIf(t -> gone.contains(t.transportPif()) || gone.contains(t.accessPif()));
        gone.forEach(pifs::remove);
    }

    /** VIF 0 on the pool-wide network, plugged when the VM runs; the guest reports 10.0.x.y on it (returned). */
    String addGuestVif(SimVm vm) {
        int n = nextAddress++;
        Vif v = new Vif(ids.ref(), ids.uuid(), vm.ref, poolWideRef, "0", mac(), String.format(Locale.ROOT,
                "10.0.%d.%d", n / 250, n % 250 + 1));
        v.attached = vm.running();
        vifs.put(v.ref, v);
        metricsOf(vm.ref);
        return v.ip;
    }

    private GuestMetrics metricsOf(String vm) {
        return guestMetrics.computeIfAbsent(vm, k -> new GuestMetrics(ids.ref(), ids.uuid()));
    }

    private String mac() {
        String hex = ids.uuid().replace("-", "");
        StringBuilder s = new StringBuilder("aa:16");   // locally administered, as xapi's random MACs are
        for (int i = 0; i < 4; i++) {
            s.append(':').append(hex, 2 * i, 2 * i + 2);
        }
        return s.toString();
    }

    // ---------------------------------------------------------------- classes

    List<String> refs(String cls) {
        return switch (cls) {
            case "network" -> List.copyOf(networks.keySet());
            case "PIF" -> List.copyOf(pifs.keySet());
            case "tunnel" -> List.copyOf(tunnels.keySet());
            case "VIF" -> List.copyOf(vifs.keySet());
            case "VM_guest_metrics" -> guestMetrics.values().stream().map(GuestMetrics::ref).toList();
            default -> throw new IllegalArgumentException("no class " + cls);
        };
    }

    Optional<Map<String, Object>> record(String cls, String ref, long nowMillis) {
        return switch (cls) {
            case "network" -> Optional.ofNullable(networks.get(ref)).map(n -> NetworkRecords.network(n,
                    pifs.values().stream().filter(p -> p.network().equals(ref)).map(Pif::ref).toList(),
                    vifs.values().stream().filter(v -> v.network.equals(ref)).map(v -> v.ref).toList()));
            case "PIF" -> Optional.ofNullable(pifs.get(ref)).map(p -> NetworkRecords.pif(p,
                    tunnels.values().stream().filter(t -> t.transportPif().equals(ref)).map(Tunnel::ref).toList()));
            case "tunnel" -> Optional.ofNullable(tunnels.get(ref)).map(NetworkRecords::tunnel);
            case "VIF" -> Optional.ofNullable(vifs.get(ref)).map(NetworkRecords::vif);
            case "VM_guest_metrics" -> guestMetrics.entrySet().stream().filter(e -> e.getValue().ref().equals(ref))
                    .findFirst().map(e -> NetworkRecords.guestMetrics(e.getValue(), addresses(e.getKey()), nowMillis));
            default -> Optional.empty();
        };
    }

    /** "0/ip" -> address of each attached VIF of {@code vm}: what the guest agent reports. */
    private Map<String, String> addresses(String vm) {
        Map<String, String> out = new LinkedHashMap<>();
        vifs.values().stream().filter(v -> v.vm.equals(vm) && v.attached)
                .forEach(v -> out.put(v.device + "/ip", v.ip));
        return out;
    }

    /** The VM record's VIFs and guest_metrics, over what {@link Records#vm} renders. */
    void decorateVm(SimVm vm, Map<String, Object> r) {
        r.put("VIFs", vifs.values().stream().filter(v -> v.vm.equals(vm.ref)).map(v -> v.ref).toList());
        GuestMetrics m = guestMetrics.get(vm.ref);
        r.put("guest_metrics", m != null && vm.running() ? m.ref() : Records.NULL_REF);
    }

    /** The host record's PIFs: its management PIF and its tunnels' access PIFs. */
    void decorateHost(SimHost h, Map<String, Object> r) {
        r.put("PIFs", pifs.values().stream().filter(p -> p.host().equals(h.ref)).map(Pif::ref).toList());
    }

    /** A record of {@code cls} to name the class's fields by, when no object of it exists. */
    static Map<String, Object> prototype(String cls) {
        String none = Records.NULL_REF;
        return switch (cls) {
            case "network" -> NetworkRecords.network(new Net(none, "", "", "", "", 1500, Map.of()), List.of(), List.of());
            case "PIF" -> NetworkRecords.pif(new Pif(none, "", none, none, "", false, "", ""), List.of());
            case "tunnel" -> NetworkRecords.tunnel(new Tunnel(none, "", none, none, "gre"));
            case "VIF" -> NetworkRecords.vif(new Vif(none, "", none, none, "", "", ""));
            case "VM_guest_metrics" -> NetworkRecords.guestMetrics(new GuestMetrics(none, ""), Map.of(), 0);
            default -> throw new IllegalArgumentException("no class " + cls);
        };
    }

    // ---------------------------------------------------------------- calls

    /** network.create(record): a new network with a bridge of its own; returns its ref. */
    String createNetwork(Map<String, Object> record) {
        String name = String.valueOf(record.getOrDefault("name_label", ""));
        String ref = ids.ref();
        @SuppressWarnings("unchecked")
        Map<String, String> other = record.get("other_config") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        long mtu = record.get("MTU") instanceof Number n ? n.longValue() : 1500;
        networks.put(ref, new Net(ref, ids.uuid(), name, String.valueOf(record.getOrDefault("name_description", "")),
                "xapi" + (networks.size() - 1), mtu, other));
        return ref;
    }

    /** network.destroy: refused while VIFs or tunnels use it (NETWORK_CONTAINS_VIF, NETWORK_CONTAINS_PIF). */
    void destroyNetwork(String ref) {
        requireNetwork(ref);
        if (ref.equals(poolWideRef)) {
            throw new SimError("OPERATION_NOT_ALLOWED", "the pool-wide network carries the management interfaces");
        }
        Optional<Vif> vif = vifs.values().stream().filter(v -> v.network.equals(ref)).findFirst();
        if (vif.isPresent()) {
            throw new SimError("NETWORK_CONTAINS_VIF", vif.get().ref);
        }
        Optional<Pif> pif = pifs.values().stream().filter(p -> p.network().equals(ref)).findFirst();
        if (pif.isPresent()) {
            throw new SimError("NETWORK_CONTAINS_PIF", pif.get().ref());
        }
        networks.remove(ref);
    }

    /** tunnel.create(transport_PIF, network[, protocol]): returns the tunnel; its access PIF is on the network. */
    String createTunnel(String transportPif, String network, String protocol) {
        Pif transport = pifs.get(transportPif);
        if (transport == null) {
            throw new SimError("HANDLE_INVALID", "PIF", transportPif);
        }
        requireNetwork(network);
        if (!protocol.equals("gre") && !protocol.equals("vxlan")) {
            throw new SimError("INVALID_VALUE", "protocol", protocol);
        }
        if (!transport.tunnelOf().isEmpty()) {
            throw new SimError("IS_TUNNEL_ACCESS_PIF", transportPif);
        }
        if (transport.ip().isEmpty()) {
            throw new SimError("TRANSPORT_PIF_NOT_CONFIGURED", transportPif);
        }
        Optional<Pif> there = pifs.values().stream()
                .filter(p -> p.network().equals(network) && p.host().equals(transport.host())).findFirst();
        if (there.isPresent()) {
            throw new SimError("NETWORK_ALREADY_CONNECTED", network, there.get().ref());
        }
        String tunnelRef = ids.ref();
        String access = ids.ref();
        long onHost = pifs.values().stream().filter(p -> p.host().equals(transport.host()) && !p.tunnelOf().isEmpty()).count();
        pifs.put(access, new Pif(access, ids.uuid(), transport.host(), network, "tunnel" + onHost, false, "", tunnelRef));
        tunnels.put(tunnelRef, new Tunnel(tunnelRef, ids.uuid(), access, transportPif, protocol));
        return tunnelRef;
    }

    /** tunnel.destroy: the tunnel and its access PIF. */
    void destroyTunnel(String ref) {
        Tunnel t = tunnels.remove(ref);
        if (t == null) {
            throw new SimError("HANDLE_INVALID", "tunnel", ref);
        }
        pifs.remove(t.accessPif());
    }

    /** VIF.create(record): on a running VM the VIF stays unplugged until VIF.plug, as in xapi. */
    String createVif(SimVm vm, Map<String, Object> record) {
        String network = String.valueOf(record.getOrDefault("network", ""));
        requireNetwork(network);
        String device = String.valueOf(record.getOrDefault("device", ""));
        if (!device.matches("[0-9]{1,2}")) {
            throw new SimError("INVALID_DEVICE", device);
        }
        if (vifs.values().stream().anyMatch(v -> v.vm.equals(vm.ref) && v.device.equals(device))) {
            throw new SimError("DEVICE_ALREADY_EXISTS", device);
        }
        String mac = String.valueOf(record.getOrDefault("MAC", ""));
        int n = nextAddress++;
        int netIndex = new ArrayList<>(networks.keySet()).indexOf(network);
        String ip = String.format(Locale.ROOT, "192.168.%d.%d", netIndex % 250, n % 250 + 1);
        Vif v = new Vif(ids.ref(), ids.uuid(), vm.ref, network, device, mac.isEmpty() ? mac() : mac, ip);
        vifs.put(v.ref, v);
        metricsOf(vm.ref);
        return v.ref;
    }

    void destroyVif(String ref) {
        Vif v = requireVif(ref);
        if (v.attached) {
            throw new SimError("OPERATION_NOT_ALLOWED", "VIF " + ref + " is plugged; unplug it first");
        }
        vifs.remove(ref);
    }

    void plugVif(String ref, SimVm vm) {
        Vif v = requireVif(ref);
        if (!vm.running()) {
            throw new SimError("VM_BAD_POWER_STATE", vm.ref, "running", vm.powerState.toLowerCase(Locale.ROOT));
        }
        if (v.attached) {
            throw new SimError("DEVICE_ALREADY_ATTACHED", ref);
        }
        v.attached = true;
    }

    void unplugVif(String ref) {
        Vif v = requireVif(ref);
        if (!v.attached) {
            throw new SimError("DEVICE_ALREADY_DETACHED", ref);
        }
        v.attached = false;
    }

    /** The VM of a VIF (for the plug rules). */
    String vmOf(String vifRef) {
        return requireVif(vifRef).vm;
    }

    /** A VM started or stopped: its VIFs are plugged or unplugged with it. Returns the VIFs changed. */
    List<String> powerChanged(SimVm vm) {
        List<String> changed = new ArrayList<>();
        for (Vif v : vifs.values()) {
            if (v.vm.equals(vm.ref) && v.attached != vm.running()) {
                v.attached = vm.running();
                changed.add(v.ref);
            }
        }
        return changed;
    }

    /** The VM whose interface has {@code address}, if any. */
    Optional<String> vmWithAddress(String address) {
        return vifs.values().stream().filter(v -> v.ip.equals(address)).map(v -> v.vm).findFirst();
    }

    /** The guest metrics ref of {@code vm}, for its event. */
    Optional<String> guestMetricsRef(String vm) {
        return Optional.ofNullable(guestMetrics.get(vm)).map(GuestMetrics::ref);
    }

    private Net requireNetwork(String ref) {
        Net n = networks.get(ref);
        if (n == null) {
            throw new SimError("HANDLE_INVALID", "network", ref);
        }
        return n;
    }

    private Vif requireVif(String ref) {
        Vif v = vifs.get(ref);
        if (v == null) {
            throw new SimError("HANDLE_INVALID", "VIF", ref);
        }
        return v;
    }
}
