package raypool.xapi.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * The XAPI calls of the pool's operations parts (networks, tunnels, VIFs), defined into
 * {@link JsonRpcApi}: each checks what xapi checks, changes the pool under its lock and records the
 * events of every object it changed.
 */
final class CloudCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimPool pool;

    CloudCalls(SimPool pool) {
        this.pool = pool;
    }

    void register(JsonRpcApi.Definer api) {
        api.define("network.create", 1, 1, true, true, (s, p) -> pool.write(() -> {
            String ref = pool.networks.createNetwork(record(p.get(0)));
            pool.changed("network", "add", ref);
            return ref;
        }));
        api.define("network.destroy", 1, 1, true, true, (s, p) -> pool.write(() -> {
            pool.networks.destroyNetwork(ref(p, 0));
            pool.changed("network", "del", ref(p, 0));
            return "";
        }));
        // (transport_PIF, network) in 6.1; (transport_PIF, network, protocol) since xapi 1.250
        api.define("tunnel.create", 2, 3, true, true, (s, p) -> pool.write(() -> {
            String protocol = p.size() > 2 ? p.get(2).asText() : "gre";
            String tunnel = pool.networks.createTunnel(ref(p, 0), ref(p, 1), protocol);
            pool.changed("tunnel", "add", tunnel);
            pool.changed("network", "mod", ref(p, 1));
            return tunnel;
        }));
        api.define("tunnel.destroy", 1, 1, true, true, (s, p) -> pool.write(() -> {
            pool.networks.destroyTunnel(ref(p, 0));
            pool.changed("tunnel", "del", ref(p, 0));
            return "";
        }));
        api.define("VIF.create", 1, 1, true, true, (s, p) -> pool.write(() -> {
            Map<String, Object> r = record(p.get(0));
            SimVm vm = pool.requireVm(String.valueOf(r.getOrDefault("VM", "")));
            String vif = pool.networks.createVif(vm, r);
            pool.changed("VIF", "add", vif);
            pool.changed("VM", "mod", vm.ref);
            return vif;
        }));
        api.define("VIF.destroy", 1, 1, true, true, (s, p) -> pool.write(() -> {
            String vm = pool.networks.vmOf(ref(p, 0));
            pool.networks.destroyVif(ref(p, 0));
            pool.changed("VIF", "del", ref(p, 0));
            pool.changed("VM", "mod", vm);
            return "";
        }));
        api.define("VIF.plug", 1, 1, true, true, (s, p) -> pool.write(() -> {
            SimVm vm = pool.requireVm(pool.networks.vmOf(ref(p, 0)));
            pool.networks.plugVif(ref(p, 0), vm);
            vifChanged(ref(p, 0), vm);
            return "";
        }));
        api.define("VIF.unplug", 1, 1, true, true, (s, p) -> pool.write(() -> {
            SimVm vm = pool.requireVm(pool.networks.vmOf(ref(p, 0)));
            pool.networks.unplugVif(ref(p, 0));
            vifChanged(ref(p, 0), vm);
            return "";
        }));
    }

    private void vifChanged(String vif, SimVm vm) {
        pool.changed("VIF", "mod", vif);
        pool.networks.guestMetricsRef(vm.ref).ifPresent(m -> pool.changed("VM_guest_metrics", "mod", m));
    }

    private static String ref(List<JsonNode> params, int index) {
        return params.get(index).asText();
    }

    private static Map<String, Object> record(JsonNode node) {
        if (!node.isObject()) {
            throw new SimError("FIELD_TYPE_ERROR", "expected a record (a struct)");
        }
        return JSON.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }
}
