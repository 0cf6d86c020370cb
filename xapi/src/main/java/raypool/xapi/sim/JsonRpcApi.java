package raypool.xapi.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The XAPI methods the simulated pool answers, by name, over {@link SimPool}, whichever protocol the
 * call came in (XML-RPC or JSON-RPC: the parameters arrive as {@link JsonNode}s either way). Class methods
 * (get_all, get_all_records, get_record, get_by_uuid, get_FIELD) are generated from each class's
 * record, so the field getters and the records cannot disagree. Every method except session login
 * and system.* takes the session first and checks it; writes check the session's role.
 */
final class JsonRpcApi {
    /** A method body: the parameters after the session. */
    @FunctionalInterface
    interface Body {
        Object call(SimSession session, List<JsonNode> params);
    }

    /**
     * @param async whether an {@code Async.} form exists: xapi has none for session and task methods
     *              or for getters derived from fields
     */
    private record Method(int arity, int maxArity, boolean writes, boolean async, Body body) {
    }

    static final List<String> CLASSES = List.of("pool", "host", "host_metrics", "VM", "VM_metrics", "task", "PIF",
            "network", "tunnel", "VIF", "VM_guest_metrics", "SR");

    private final SimPool pool;
    private final Optional<String> memberOf;
    private final Map<String, Method> methods = new LinkedHashMap<>();

    /** @param memberOf when present, this endpoint is a pool member: logins answer HOST_IS_SLAVE with it */
    JsonRpcApi(SimPool pool, Optional<String> memberOf) {
        this.pool = pool;
        this.memberOf = memberOf;
        for (String cls : CLASSES) {
            addClassMethods(cls);
        }
        addMessage("VM.pool_migrate", 3, true, (s, p) -> {
            SimTask done = pool.awaitTask(pool.startMigration(s, ref(p, 0), ref(p, 1)));
            try {
                if (done != null && !done.status.equals("success")) {
                    throw new SimError(done.errorInfo.getFirst(), done.errorInfo.subList(1, done.errorInfo.size()));
                }
                return "";
            } finally {
                if (done != null) {
                    pool.destroyTask(done.ref);
                }
            }
        });
        addMessage("host.disable", 1, true, (s, p) -> { pool.setHostEnabled(ref(p, 0), false); return ""; });
        addMessage("host.enable", 1, true, (s, p) -> { pool.setHostEnabled(ref(p, 0), true); return ""; });
        addMessage("host.shutdown", 1, true, (s, p) -> { pool.shutdownHost(ref(p, 0)); return ""; });
        addMessage("host.compute_free_memory", 1, false, (s, p) -> pool.read(() ->
                pool.host(ref(p, 0)).map(pool::freeMemory)
                        .orElseThrow(() -> new SimError("HANDLE_INVALID", "host", ref(p, 0)))));
        new CloudCalls(pool).register(this::define);
        add("task.cancel", 1, false, (s, p) -> { pool.cancelTask(ref(p, 0)); return ""; });
        add("task.destroy", 1, false, (s, p) -> { pool.destroyTask(ref(p, 0)); return ""; });
        add("event.from", 3, false, (s, p) -> pool.eventFrom(strings(p.get(0)), p.get(1).asText(), p.get(2).asDouble()));
        add("event.inject", 2, false, (s, p) -> pool.inject(xapiClass(p.get(0).asText()), ref(p, 1)));
        add("session.get_this_host", 1, false, (s, p) -> pool.read(pool::masterRef));

        for (String cls : List.of("pool", "VM")) {
            add(cls + ".add_to_other_config", 3, true, (s, p) -> {
                pool.addToOtherConfig(cls, ref(p, 0), p.get(1).asText(), p.get(2).asText());
                return "";
            });
            add(cls + ".remove_from_other_config", 2, true, (s, p) -> {
                pool.removeFromOtherConfig(cls, ref(p, 0), p.get(1).asText());
                return "";
            });
            add(cls + ".set_other_config", 2, true, (s, p) -> {
                pool.setOtherConfig(cls, ref(p, 0), stringMap(p.get(1)));
                return "";
            });
        }
        add("pool.set_wlb_enabled", 2, true, (s, p) -> { pool.setWlbEnabled(ref(p, 0), p.get(1).asBoolean()); return ""; });
        add("VM.add_tags", 2, true, (s, p) -> { pool.changeTags(ref(p, 0), t -> t.add(p.get(1).asText())); return ""; });
        add("VM.remove_tags", 2, true, (s, p) -> { pool.changeTags(ref(p, 0), t -> t.remove(p.get(1).asText())); return ""; });
        add("VM.set_tags", 2, true, (s, p) -> {
            List<String> tags = strings(p.get(1));
            pool.changeTags(ref(p, 0), t -> { t.clear(); t.addAll(tags); });
            return "";
        });

        addMessage("host.power_on", 1, true, (s, p) -> { pool.powerOn(ref(p, 0)); return ""; });
        addMessage("host.set_power_on_mode", 3, true, (s, p) -> {
            pool.setPowerOnMode(ref(p, 0), p.get(1).asText(), stringMap(p.get(2)));
            return "";
        });
        addMessage("VM.assert_can_boot_here", 2, false, (s, p) -> { pool.assertCanBootHere(ref(p, 0), ref(p, 1)); return ""; });
        // (vm, dest, live, vdi_map, vif_map, options), and vgpu_map since XenServer 7.3
        methods.put("VM.assert_can_migrate", new Method(6, 7, false, true, (s, p) -> {
            JsonNode host = p.get(1).get("host");
            if (host == null || !host.isTextual()) {
                throw new SimError("INVALID_VALUE", "dest", "has no 'host' (use host.migrate_receive)");
            }
            pool.assertCanMigrate(ref(p, 0), host.asText());
            return "";
        }));
        addMessage("host.migrate_receive", 3, false, (s, p) -> pool.read(() -> {
            String host = pool.host(ref(p, 0)).map(h -> h.ref)
                    .orElseThrow(() -> new SimError("HANDLE_INVALID", "host", ref(p, 0)));
            // what xapi's migrate_receive hands the sender; within one pool only "host" matters here
            Map<String, String> dest = new LinkedHashMap<>();
            dest.put("SM", "simulated");
            dest.put("host", host);
            dest.put("xenops", "simulated");
            dest.put("session_id", s.ref());
            dest.put("master", "simulated");
            return dest;
        }));
    }

    private void addClassMethods(String cls) {
        add(cls + ".get_all", 0, false, (s, p) -> pool.read(() -> pool.refs(cls)));
        add(cls + ".get_all_records", 0, false, (s, p) -> pool.read(() -> pool.records(cls)));
        add(cls + ".get_record", 1, false, (s, p) -> recordOf(cls, ref(p, 0)));
        add(cls + ".get_by_uuid", 1, false, (s, p) -> pool.read(() -> pool.records(cls).entrySet().stream()
                .filter(e -> p.getFirst().asText().equals(e.getValue().get("uuid"))).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new SimError("UUID_INVALID", cls, p.getFirst().asText()))));
        Map<String, Object> prototype = pool.read(() -> pool.prototype(cls));
        for (String field : prototype.keySet()) {
            add(cls + ".get_" + field, 1, false, (s, p) -> recordOf(cls, ref(p, 0)).get(field));
        }
    }

    private Map<String, Object> recordOf(String cls, String ref) {
        return pool.read(() -> pool.record(cls, ref)).orElseThrow(() -> new SimError("HANDLE_INVALID", cls, ref));
    }

    /** How other parts of the pool add their methods: name, arity range, writes, whether an Async form exists. */
    @FunctionalInterface
    interface Definer {
        void define(String name, int arity, int maxArity, boolean writes, boolean async, Body body);
    }

    private void define(String name, int arity, int maxArity, boolean writes, boolean async, Body body) {
        methods.put(name, new Method(arity, maxArity, writes, async, body));
    }

    /** A method without an Async form: field getters and setters, session, task and event calls. */
    private void add(String name, int arity, boolean writes, Body body) {
        methods.put(name, new Method(arity, arity, writes, false, body));
    }

    /** A message with an Async form. */
    private void addMessage(String name, int arity, boolean writes, Body body) {
        methods.put(name, new Method(arity, arity, writes, true, body));
    }

    /** Every method name, as system.listMethods answers (with the Async forms). */
    List<String> methodNames() {
        Set<String> names = new TreeSet<>(Set.of("system.listMethods", "session.login_with_password",
                "session.logout"));
        methods.forEach((name, method) -> {
            names.add(name);
            if (method.async()) {
                names.add("Async." + name);
            }
        });
        return List.copyOf(names);
    }

    /** Runs one call; returns its result or throws the {@link SimError} XAPI would answer. */
    Object call(String name, List<JsonNode> params) {
        switch (name) {
            case "system.listMethods" -> {
                return methodNames();
            }
            case "session.login_with_password" -> {
                if (params.size() < 2) {
                    throw new SimError("MESSAGE_PARAMETER_COUNT_MISMATCH", name, "2", Integer.toString(params.size()));
                }
                if (memberOf.isPresent()) {
                    throw new SimError("HOST_IS_SLAVE", memberOf.get());
                }
                String originator = params.size() > 3 ? params.get(3).asText() : "";
                return pool.login(params.get(0).asText(), params.get(1).asText(), originator);
            }
            case "session.logout" -> {
                expectArity(name, params, 1);
                pool.logout(params.getFirst().asText());
                return "";
            }
            default -> {
                return callWithSession(name, params);
            }
        }
    }

    private Object callWithSession(String name, List<JsonNode> params) {
        boolean async = name.startsWith("Async.");
        String syncName = async ? name.substring("Async.".length()) : name;
        Method method = methods.get(syncName);
        if (method == null || (async && !method.async())) {
            throw new SimError("MESSAGE_METHOD_UNKNOWN", name);
        }
        if (params.size() < method.arity() + 1 || params.size() > method.maxArity() + 1) {
            throw new SimError("MESSAGE_PARAMETER_COUNT_MISMATCH", name, Integer.toString(method.arity() + 1),
                    Integer.toString(params.size()));
        }
        if (pool.faults().takeSessionExpiry()) {
            pool.expireAllSessions();
        }
        SimSession session = pool.session(params.getFirst().asText());
        if (method.writes() && session.role() == SimUser.Role.READ_ONLY) {
            throw new SimError("RBAC_PERMISSION_DENIED", syncName,
                    "No permission in the user's role (" + session.role().xapiName() + ") to perform " + syncName);
        }
        pool.faults().takeCallFailure(name).ifPresent(e -> {
            throw e;
        });
        List<JsonNode> rest = params.subList(1, params.size());
        if (!async) {
            return method.body().call(session, rest);
        }
        if (syncName.equals("VM.pool_migrate")) {
            return pool.startMigration(session, ref(rest, 0), ref(rest, 1));
        }
        try {
            return pool.completedTask(session, name, XmlRpcValue.render(method.body().call(session, rest)));
        } catch (SimError e) {
            return pool.failedTask(session, name, e);
        }
    }

    private static void expectArity(String name, List<JsonNode> params, int expected) {
        if (params.size() != expected) {
            throw new SimError("MESSAGE_PARAMETER_COUNT_MISMATCH", name, Integer.toString(expected),
                    Integer.toString(params.size()));
        }
    }

    private static String ref(List<JsonNode> params, int index) {
        return params.get(index).asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, String> stringMap(JsonNode object) {
        if (!object.isObject()) {
            throw new SimError("FIELD_TYPE_ERROR", "expected a (string -> string) map");
        }
        Map<String, String> out = new LinkedHashMap<>();
        object.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** event.inject names classes as the API does ("VM"); accept any case. */
    private static String xapiClass(String name) {
        return CLASSES.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new SimError("HANDLE_INVALID", "class", name));
    }
}
