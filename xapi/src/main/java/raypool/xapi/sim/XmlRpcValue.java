package raypool.xapi.sim;

import java.util.List;
import java.util.Map;

/**
 * A task's result as xapi stores it: the call's return value marshalled as an XML-RPC {@code <value>}
 * fragment, whichever protocol the client speaks (CloudStack and the SDKs strip the tags).
 * Strings go untyped, which XML-RPC reads as string; ints are strings already in XAPI's encoding.
 */
final class XmlRpcValue {
    static final String VOID = "<value></value>";

    private XmlRpcValue() {
    }

    static String render(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value) {
        out.append("<value>");
        switch (value) {
            case null -> { }
            case Boolean b -> out.append("<boolean>").append(b ? 1 : 0).append("</boolean>");
            case Double d -> out.append("<double>").append(d).append("</double>");
            case Map<?, ?> map -> {
                out.append("<struct>");
                map.forEach((k, v) -> {
                    out.append("<member><name>").append(escape(String.valueOf(k))).append("</name>");
                    append(out, v);
                    out.append("</member>");
                });
                out.append("</struct>");
            }
            case List<?> list -> {
                out.append("<array><data>");
                list.forEach(v -> append(out, v));
                out.append("</data></array>");
            }
            default -> out.append(escape(String.valueOf(value)));
        }
        out.append("</value>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
