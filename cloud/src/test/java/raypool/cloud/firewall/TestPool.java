package raypool.cloud.firewall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import raypool.cloud.firewall.compile.Interface;
import raypool.cloud.firewall.compile.PoolInterfaces;
import raypool.cloud.firewall.compile.Port;
import raypool.cloud.firewall.decide.Attachment;

/**
 * A small pool for firewall tests: pool "lab-pool", networks "lab" and "dmz", VMs web1, web2 (both on lab and
 * dmz), db1 (lab), and build1 (dmz, no address reported by the guest).
 */
public final class TestPool {

    public static final String POOL = "lab-pool";
    public static final String POOL_UUID = "0b6f3c2e-0000-4000-8000-00000000aa01";
    public static final String GATEWAY_MAC = "02:ff:00:00:00:01";

    private TestPool() {
    }

    public static PoolInterfaces interfaces() {
        List<Interface> list = new ArrayList<>();
        list.add(iface("web1", 0, "lab", 1, Optional.of("192.168.10.11")));
        list.add(iface("web1", 1, "dmz", 2, Optional.of("192.168.20.11")));
        list.add(iface("web2", 0, "lab", 3, Optional.of("192.168.10.12")));
        list.add(iface("db1", 0, "lab", 4, Optional.of("192.168.10.21")));
        list.add(iface("build1", 0, "dmz", 5, Optional.empty()));
        return new PoolInterfaces(POOL, POOL_UUID, list);
    }

    private static Interface iface(String vm, int device, String network, int n, Optional<String> ip) {
        return Interface.builder().vm(vm, uuid("vm-" + vm)).vif(uuid("vif-" + vm + device), device).network(network, uuid("net-" + network))
                .mac(String.format("02:00:00:00:00:%02x", n)).ip(ip).build();
    }

    /** A made-up but stable UUID for a name. */
    public static String uuid(String name) {
        long h = name.hashCode() & 0xffffffffL;
        return String.format("%08x-0000-4000-8000-%012x", h, (long) name.length());
    }

    public static Attachment attachment(Interface i) {
        return new Attachment(Set.of(POOL, POOL_UUID), Set.of(i.networkName(), i.networkUuid()), Set.of(i.vmName(), i.vmUuid()));
    }

    /** Dummy port name to OpenFlow port: one per interface, plus the uplink. */
    public static Map<String, Integer> switchPorts(List<Port> ports, int uplink) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Port p : ports) {
            m.put("vif" + p.ofport(), p.ofport());
        }
        m.put("uplink", uplink);
        return m;
    }
}
