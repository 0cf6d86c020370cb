package raypool.xapi.sim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/** The disk calls of {@link SimDisks}, as xapi names them, each recording its events. */
final class DiskCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SimPool pool;

    DiskCalls(SimPool pool) {
        this.pool = pool;
    }

    void register(JsonRpcApi.Definer api) {
        SimDisks disks = pool.disks;
        api.define("VDI.create", 1, 1, true, true, (s, p) -> pool.write(() -> {
            Map<String, Object> r = record(p.get(0));
            String ref = disks.createVdi(r, pool.refs("SR").contains(String.valueOf(r.getOrDefault("SR", ""))));
            pool.changed("VDI", "add", ref);
            return ref;
        }));
        api.define("VBD.create", 1, 1, true, true, (s, p) -> pool.write(() -> {
            Map<String, Object> r = record(p.get(0));
            SimVm vm = pool.requireVm(String.valueOf(r.getOrDefault("VM", "")));
            String ref = disks.createVbd(vm, r);
            pool.changed("VBD", "add", ref);
            pool.changed("VDI", "mod", disks.vdiOf(ref));
            pool.changed("VM", "mod", vm.ref);
            return ref;
        }));
        api.define("VBD.plug", 1, 1, true, true, (s, p) -> pool.write(() -> {
            SimVm vm = pool.requireVm(disks.vmOf(p.get(0).asText()));
            disks.plug(p.get(0).asText(), vm);
            pool.changed("VBD", "mod", p.get(0).asText());
            return "";
        }));
        for (boolean online : List.of(false, true)) {
            api.define(online ? "VDI.resize_online" : "VDI.resize", 2, 2, true, true, (s, p) -> pool.write(() -> {
                disks.resize(p.get(0).asText(), p.get(1).asLong(), online);
                pool.changed("VDI", "mod", p.get(0).asText());
                return "";
            }));
        }
    }

    private static Map<String, Object> record(JsonNode node) {
        if (!node.isObject()) {
            throw new SimError("FIELD_TYPE_ERROR", "expected a record (a struct)");
        }
        return JSON.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }
}
