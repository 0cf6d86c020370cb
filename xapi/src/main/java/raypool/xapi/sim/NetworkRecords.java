package raypool.xapi.sim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders {@link SimNetworks}' objects as XAPI records: one function per class, every record of it with the same fields. */
final class NetworkRecords {
    private NetworkRecords() {
    }

    static Map<String, Object> network(SimNetworks.Net n, List<String> pifs, List<String> vifs) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", n.uuid);
        r.put("name_label", n.name);
        r.put("name_description", n.description);
        r.put("allowed_operations", List.of());
        r.put("current_operations", Map.of());
        r.put("VIFs", vifs);
        r.put("PIFs", pifs);
        r.put("MTU", n.mtu);
        r.put("other_config", new LinkedHashMap<>(n.otherConfig));
        r.put("bridge", n.bridge);
        r.put("managed", true);
        r.put("tags", List.of());
        return r;
    }

    static Map<String, Object> pif(SimNetworks.Pif p, List<String> transportOf) {
        boolean physical = p.tunnelOf().isEmpty();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", p.uuid());
        r.put("device", p.device());
        r.put("network", p.network());
        r.put("host", p.host());
        r.put("MAC", "");
        r.put("MTU", 1500L);
        r.put("VLAN", -1L);
        r.put("physical", physical);
        r.put("currently_attached", true);
        r.put("ip_configuration_mode", physical ? "Static" : "None");
        r.put("IP", p.ip());
        r.put("netmask", physical ? "255.0.0.0" : "");
        r.put("gateway", "");
        r.put("DNS", "");
        r.put("management", p.management());
        r.put("bond_slave_of", Records.NULL_REF);
        r.put("bond_master_of", List.of());
        r.put("tunnel_access_PIF_of", physical ? List.of() : List.of(p.tunnelOf()));
        r.put("tunnel_transport_PIF_of", transportOf);
        r.put("other_config", Map.of());
        return r;
    }

    /** status.active "true": the simulated pool has a vswitch controller that brings every tunnel up. */
    static Map<String, Object> tunnel(SimNetworks.Tunnel t) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", t.uuid());
        r.put("access_PIF", t.accessPif());
        r.put("transport_PIF", t.transportPif());
        r.put("status", Map.of("active", "true"));
        r.put("other_config", Map.of());
        r.put("protocol", t.protocol());
        return r;
    }

    static Map<String, Object> vif(SimNetworks.Vif v) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", v.uuid);
        r.put("allowed_operations", v.attached ? List.of("unplug") : List.of("plug", "destroy"));
        r.put("current_operations", Map.of());
        r.put("device", v.device);
        r.put("network", v.network);
        r.put("VM", v.vm);
        r.put("MAC", v.mac);
        r.put("MTU", 1500L);
        r.put("currently_attached", v.attached);
        r.put("locking_mode", "network_default");
        r.put("ipv4_allowed", List.of());
        r.put("other_config", Map.of());
        return r;
    }

    static Map<String, Object> guestMetrics(SimNetworks.GuestMetrics m, Map<String, String> networks, long nowMillis) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", m.uuid());
        r.put("os_version", Map.of("name", "simulated guest"));
        r.put("PV_drivers_detected", true);
        r.put("networks", networks);
        r.put("other", Map.of());
        r.put("last_updated", Instant.ofEpochMilli(nowMillis));
        r.put("live", true);
        return r;
    }
}
