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
        registerOperations(api);
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

    /** Licences, VM power, boot parameters, start order, external authentication, host reboot. */
    private void registerOperations(JsonRpcApi.Definer api) {
        api.define("host.get_servertime", 1, 1, false, false, (s, p) -> pool.write(() -> {
            pool.requireHost(ref(p, 0));
            return java.time.Instant.ofEpochMilli(pool.clock().nowMillis());
        }));
        api.define("host.apply_edition", 2, 3, true, true, (s, p) -> pool.write(() -> {
            SimLicences.Licence l = pool.licences.of(ref(p, 0));
            java.util.Optional<Boolean> up = pool.networks.vmWithAddress(l.serverAddress).map(vm -> pool.requireVm(vm).running());
            pool.licences.applyEdition(ref(p, 0), p.get(1).asText(), pool.clock().nowMillis(), up);
            pool.changed("host", "mod", ref(p, 0));
            return "";
        }));
        api.define("VM.start", 3, 3, true, true, (s, p) -> pool.write(() -> {
            pool.power.start(ref(p, 0), java.util.Optional.empty());
            return "";
        }));
        api.define("VM.start_on", 4, 4, true, true, (s, p) -> pool.write(() -> {
            pool.power.start(ref(p, 0), java.util.Optional.of(ref(p, 1)));
            return "";
        }));
        api.define("VM.clean_shutdown", 1, 1, true, true, (s, p) -> pool.write(() -> {
            pool.power.cleanShutdown(ref(p, 0));
            return "";
        }));
        api.define("VM.hard_shutdown", 1, 1, true, true, (s, p) -> pool.write(() -> {
            pool.power.hardShutdown(ref(p, 0));
            return "";
        }));
        api.define("host.reboot", 1, 1, true, true, (s, p) -> pool.write(() -> {
            pool.power.rebootHost(ref(p, 0));
            return "";
        }));
        guestSetter(api, "VM.set_HVM_boot_policy", (g, v) -> g.bootPolicy = v.asText());
        guestSetter(api, "VM.set_HVM_boot_params", (g, v) -> g.bootParams = stringMap(v));
        guestSetter(api, "VM.set_PV_bootloader", (g, v) -> g.pvBootloader = v.asText());
        guestSetter(api, "VM.set_order", (g, v) -> g.order = v.asLong());
        guestSetter(api, "VM.set_start_delay", (g, v) -> g.startDelay = v.asLong());
        guestSetter(api, "VM.set_shutdown_delay", (g, v) -> g.shutdownDelay = v.asLong());
        api.define("VM.add_to_HVM_boot_params", 3, 3, true, false, (s, p) -> pool.write(() -> {
            SimGuests.Guest g = pool.guests.of(pool.requireVm(ref(p, 0)));
            if (g.bootParams.containsKey(p.get(1).asText())) {
                throw new SimError("MAP_DUPLICATE_KEY", "VM", "HVM_boot_params", ref(p, 0), p.get(1).asText());
            }
            g.bootParams.put(p.get(1).asText(), p.get(2).asText());
            pool.changed("VM", "mod", ref(p, 0));
            return "";
        }));
        api.define("VM.remove_from_HVM_boot_params", 2, 2, true, false, (s, p) -> pool.write(() -> {
            pool.guests.of(pool.requireVm(ref(p, 0))).bootParams.remove(p.get(1).asText());
            pool.changed("VM", "mod", ref(p, 0));
            return "";
        }));
        api.define("pool.set_name_label", 2, 2, true, false, (s, p) -> pool.write(() -> {
            pool.membership.setName(p.get(1).asText());
            pool.changed("pool", "mod", ref(p, 0));
            return "";
        }));
        // a session to the joining host; it talks to the master itself, so the pool's lock is not held
        api.define("pool.join", 3, 3, true, true, (s, p) -> {
            pool.membership.join(p.get(0).asText(), p.get(1).asText(), p.get(2).asText());
            return "";
        });
        api.define("host.create", 1, 1, true, false, (s, p) -> pool.write(() -> pool.membership.adopt(stringMap(p.get(0)))));
        api.define("pool.eject", 1, 1, true, true, (s, p) -> pool.write(() -> {
            pool.membership.eject(ref(p, 0));
            return "";
        }));
        api.define("pool.enable_external_auth", 4, 4, true, true, (s, p) -> pool.write(() -> {
            pool.auth.enable(stringMap(p.get(1)), p.get(2).asText(), p.get(3).asText());
            pool.hostList().forEach(h -> pool.changed("host", "mod", h.ref));
            return "";
        }));
        api.define("pool.disable_external_auth", 2, 2, true, true, (s, p) -> pool.write(() -> {
            pool.auth.disable();
            pool.hostList().forEach(h -> pool.changed("host", "mod", h.ref));
            return "";
        }));
    }

    /** A setter of a VM field kept in {@link SimGuests}: VM.set_X(vm, value), no Async form. */
    private void guestSetter(JsonRpcApi.Definer api, String name, java.util.function.BiConsumer<SimGuests.Guest, JsonNode> set) {
        api.define(name, 2, 2, true, false, (s, p) -> pool.write(() -> {
            set.accept(pool.guests.of(pool.requireVm(ref(p, 0))), p.get(1));
            pool.changed("VM", "mod", ref(p, 0));
            return "";
        }));
    }

    private static Map<String, String> stringMap(JsonNode node) {
        if (!node.isObject()) {
            throw new SimError("FIELD_TYPE_ERROR", "expected a (string -> string) map");
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
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
