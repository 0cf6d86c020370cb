package raypool.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import raypool.web.SelfService;
import raypool.web.pool.VmView;

/** The JSON the API reads and writes. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode body(Context ctx) {
        try {
            JsonNode n = MAPPER.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw ApiError.badRequest("the body must be a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiError.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    public static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw ApiError.badRequest("\"" + field + "\" must be a non-empty string");
        }
        return v.asText();
    }

    /** A list of strings, or empty when the field is absent. */
    public static List<String> strings(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return List.of();
        }
        if (!v.isArray()) {
            throw ApiError.badRequest("\"" + field + "\" must be a list of strings");
        }
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode n : v) {
            if (!n.isTextual()) {
                throw ApiError.badRequest("\"" + field + "\" must be a list of strings");
            }
            out.add(n.asText());
        }
        return out;
    }

    public static OptionalLong optionalLong(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
            throw ApiError.badRequest("\"" + field + "\" must be a whole number, 0 or more");
        }
        return OptionalLong.of(v.asLong());
    }

    public static Map<String, Object> vm(SelfService.Visible v) {
        VmView vm = v.vm();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", vm.uuid());
        m.put("name", vm.name());
        m.put("power_state", vm.powerState());
        m.put("host", vm.hostName().orElse(null));
        m.put("vcpus", vm.vcpus());
        m.put("vcpus_max", vm.vcpusMax());
        m.put("memory_mib", vm.memoryMib());
        m.put("memory_static_max_mib", vm.memoryStaticMaxMib());
        m.put("role", v.role().wireName());
        m.put("disks", v.disks().stream().map(d -> ordered("device", d.userdevice(), "name", d.name(), "size_gib", d.sizeGib(),
                "attached", d.attached())).toList());
        m.put("networks", v.networks().stream().map(n -> ordered("network", n.networkName(), "network_uuid", n.networkUuid(),
                "device", n.device(), "attached", n.attached())).toList());
        return m;
    }

    /** Four fields in the order given (Map.of has none), so that the API's output reads the same every time. */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2, String k3, Object v3, String k4, Object v4) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        m.put(k3, v3);
        m.put(k4, v4);
        return m;
    }

    public static Map<String, Object> vms(List<SelfService.Visible> list) {
        return Map.of("vms", list.stream().map(Json::vm).toList());
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static Map<String, Object> error(ApiError e) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("code", e.code());
        err.put("message", e.getMessage());
        if (!e.details().isEmpty()) {
            err.put("details", e.details());
        }
        return Map.of("error", err);
    }
}
