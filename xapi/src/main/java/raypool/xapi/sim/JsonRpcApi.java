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
 * The XAPI methods the simulated pool answers, by name, over {@link SimPool}. Class methods
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
    private record Method(int arity, boolean writes, boolean async, Body body) {
    }

    static final List<String> CLASSES = List.of("pool", "host", "host_metrics", "VM", "VM_metrics", "task");

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
        add("task.cancel", 1, false, (s, p) -> { pool.cancelTask(ref(p, 0)); return ""; });
        add("task.destroy", 1, false, (s, p) -> { pool.destroyTask(ref(p, 0)); return ""; });
        add("event.from", 3, false, (s, p) -> pool.eventFrom(strings(p.get(0)), p.get(1).asText(), p.get(2).asDouble()));
        add("event.inject", 2, false, (s, p) -> pool.inject(xapiClass(p.get(0).asText()), ref(p, 1)));
        add("session.get_this_host", 1, false, (s, p) -> pool.read(pool::masterRef));
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

    private void add(String name, int arity, boolean writes, Body body) {
        methods.put(name, new Method(arity, writes, false, body));
    }

    /** A message with an Async form (everything but session, task, event and field getters). */
    private void addMessage(String name, int arity, boolean writes, Body body) {
        methods.put(name, new Method(arity, writes, true, body));
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
        expectArity(name, params, method.arity() + 1);
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

    /** event.inject names classes as the API does ("VM"); accept any case. */
    private static String xapiClass(String name) {
        return CLASSES.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new SimError("HANDLE_INVALID", "class", name));
    }
}
