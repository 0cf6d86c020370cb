package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading XAPI values as they arrive over JSON-RPC. XAPI's datamodel has int (64-bit), float, bool,
 * string, datetime, ref, enum, set and map. xapi writes ints as JSON integer literals that may exceed
 * 2^53 (read here as exact longs, never through a double); XML-RPC and some servers and proxies send
 * them as decimal strings, which are accepted too. Each reader names the field it was reading in its
 * error.
 */
public final class Wire {
    private static final DateTimeFormatter XAPI_DATETIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss'Z'");

    private Wire() {
    }

    public static long int64(JsonNode record, String field) {
        JsonNode v = required(record, field);
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.asText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field " + field + ": not a 64-bit int: \"" + v.asText() + "\"", e);
            }
        }
        throw new IllegalArgumentException("field " + field + ": expected an int, got " + v.getNodeType());
    }

    public static double float64(JsonNode record, String field) {
        JsonNode v = required(record, field);
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("field " + field + ": not a float: \"" + v.asText() + "\"", e);
            }
        }
        throw new IllegalArgumentException("field " + field + ": expected a float, got " + v.getNodeType());
    }

    public static boolean bool(JsonNode record, String field) {
        JsonNode v = required(record, field);
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw new IllegalArgumentException("field " + field + ": expected a bool, got " + v);
    }

    public static String string(JsonNode record, String field) {
        JsonNode v = required(record, field);
        if (!v.isValueNode()) {
            throw new IllegalArgumentException("field " + field + ": expected a string, got " + v.getNodeType());
        }
        return v.asText();
    }

    public static Ref ref(JsonNode record, String field) {
        return new Ref(string(record, field));
    }

    public static List<Ref> refs(JsonNode record, String field) {
        List<Ref> out = new ArrayList<>();
        for (JsonNode item : array(record, field)) {
            out.add(new Ref(item.asText()));
        }
        return List.copyOf(out);
    }

    public static List<String> strings(JsonNode record, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array(record, field)) {
            out.add(item.asText());
        }
        return List.copyOf(out);
    }

    /**
     * A (string -> string) map. XCP-ng 8.3 sends some maps (license_params) with a key twice; JSON
     * parsers disagree on duplicates, so the client's parser is configured to keep the last
     * occurrence, the rule of JSON.parse and Python's json, and never to fail on them.
     */
    public static Map<String, String> stringMap(JsonNode record, String field) {
        JsonNode v = required(record, field);
        if (!v.isObject()) {
            throw new IllegalArgumentException("field " + field + ": expected a map, got " + v.getNodeType());
        }
        Map<String, String> out = new LinkedHashMap<>();
        v.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** XAPI datetimes: {@code 20240101T13:20:11Z} (also accepts ISO-8601 instants). */
    public static Instant datetime(JsonNode record, String field) {
        String s = string(record, field);
        try {
            if (s.length() == 18 && s.charAt(8) == 'T') {
                return LocalDateTime.parse(s, XAPI_DATETIME).toInstant(ZoneOffset.UTC);
            }
            return Instant.parse(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("field " + field + ": not a datetime: \"" + s + "\"", e);
        }
    }

    public static String formatDatetime(Instant t) {
        return XAPI_DATETIME.format(LocalDateTime.ofInstant(t, ZoneOffset.UTC));
    }

    /**
     * A task's result as XAPI stores it: an XML-RPC value fragment such as
     * {@code <value>OpaqueRef:abc</value>}, or empty for void. Returns the text inside, unescaped.
     */
    public static String taskResultText(String xmlValue) {
        String s = xmlValue.trim();
        if (s.startsWith("<value>") && s.endsWith("</value>")) {
            s = s.substring("<value>".length(), s.length() - "</value>".length());
        }
        // an explicitly typed scalar: <string>x</string> or <boolean>1</boolean>
        if (s.startsWith("<") && s.endsWith(">")) {
            int open = s.indexOf('>');
            int close = s.lastIndexOf("</");
            if (open > 0 && close > open) {
                s = s.substring(open + 1, close);
            }
        }
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&apos;", "'").replace("&amp;", "&");
    }

    private static JsonNode array(JsonNode record, String field) {
        JsonNode v = required(record, field);
        if (!v.isArray()) {
            throw new IllegalArgumentException("field " + field + ": expected a set, got " + v.getNodeType());
        }
        return v;
    }

    private static JsonNode required(JsonNode record, String field) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("field " + field + " is missing from the record");
        }
        return v;
    }
}
