package raypool.xapi.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import raypool.xapi.client.Wire;

/**
 * XAPI's XML-RPC (doc/content/xen-api/wire-protocol.md): a {@code <methodCall>} is read into the same
 * parameters the JSON-RPC side passes on ({@link JsonNode}s), and a result or XAPI error is written as
 * xapi writes it, a struct {@code {Status: "Success", Value: ...}} or
 * {@code {Status: "Failure", ErrorDescription: [code, params...]}}. Values as XAPI encodes them: strings
 * untyped, ints as decimal strings (int64 does not fit XML-RPC's i4), floats as {@code <double>},
 * booleans as {@code <boolean>}, datetimes as {@code <dateTime.iso8601>}, maps as structs, sets as arrays.
 */
final class XmlRpc {
    /** A parsed call. */
    record Call(String method, List<JsonNode> params) {
    }

    /** A request that is not an XML-RPC method call: xapi answers it with HTTP 500. */
    static final class MalformedCall extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedCall(String message) {
            super(message);
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XmlRpc() {
    }

    static Call parse(InputStream body) throws MalformedCall, IOException {
        Document doc;
        try {
            doc = parser().parse(body);
        } catch (SAXException e) {
            throw new MalformedCall("not XML: " + e.getMessage());
        }
        Element call = doc.getDocumentElement();
        if (!call.getTagName().equals("methodCall")) {
            throw new MalformedCall("expected <methodCall>, got <" + call.getTagName() + ">");
        }
        Element name = child(call, "methodName");
        if (name == null || name.getTextContent().isBlank()) {
            throw new MalformedCall("<methodCall> without <methodName>");
        }
        List<JsonNode> params = new ArrayList<>();
        Element list = child(call, "params");
        if (list != null) {
            for (Element param : children(list)) {
                Element value = child(param, "value");
                if (!param.getTagName().equals("param") || value == null) {
                    throw new MalformedCall("<params> holds <" + param.getTagName() + "> without a <value>");
                }
                params.add(value(value));
            }
        }
        return new Call(name.getTextContent().strip(), params);
    }

    /** A parser that reads no DTD and no external entity: a request body is untrusted. */
    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses secure processing", e);
        }
    }

    private static JsonNode value(Element value) throws MalformedCall {
        List<Element> typed = children(value);
        if (typed.isEmpty()) {
            return NODES.textNode(value.getTextContent()); // untyped: a string
        }
        Element t = typed.getFirst();
        String text = t.getTextContent();
        try {
            return switch (t.getTagName()) {
                case "string", "dateTime.iso8601", "base64" -> NODES.textNode(text);
                case "i4", "int" -> NODES.numberNode(Integer.parseInt(text.strip()));
                case "i8" -> NODES.numberNode(Long.parseLong(text.strip()));
                case "double" -> NODES.numberNode(Double.parseDouble(text.strip()));
                case "boolean" -> NODES.booleanNode(text.strip().equals("1"));
                case "nil" -> NODES.nullNode();
                case "struct" -> {
                    ObjectNode map = NODES.objectNode();
                    for (Element member : children(t)) {
                        Element name = child(member, "name");
                        Element v = child(member, "value");
                        if (name == null || v == null) {
                            throw new MalformedCall("<member> needs <name> and <value>");
                        }
                        map.set(name.getTextContent(), value(v));
                    }
                    yield map;
                }
                case "array" -> {
                    ArrayNode array = NODES.arrayNode();
                    Element data = child(t, "data");
                    if (data != null) {
                        for (Element v : children(data)) {
                            array.add(value(v));
                        }
                    }
                    yield array;
                }
                default -> throw new MalformedCall("unknown XML-RPC type <" + t.getTagName() + ">");
            };
        } catch (NumberFormatException e) {
            throw new MalformedCall("<" + t.getTagName() + "> holds '" + text + "'");
        }
    }

    private static Element child(Element parent, String tag) {
        for (Element e : children(parent)) {
            if (e.getTagName().equals(tag)) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- writing

    static String success(Object value) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\"?><methodResponse><params><param><value><struct>")
                .append("<member><name>Status</name><value>Success</value></member><member><name>Value</name>");
        appendValue(out, value);
        return out.append("</member></struct></value></param></params></methodResponse>").toString();
    }

    static String failure(List<String> errorDescription) {
        StringBuilder out = new StringBuilder(256);
        out.append("<?xml version=\"1.0\"?><methodResponse><params><param><value><struct>")
                .append("<member><name>Status</name><value>Failure</value></member>")
                .append("<member><name>ErrorDescription</name>");
        appendValue(out, errorDescription);
        return out.append("</member></struct></value></param></params></methodResponse>").toString();
    }

    /** One {@code <value>}, in XAPI's encoding (also what a task's result holds). */
    static void appendValue(StringBuilder out, Object value) {
        out.append("<value>");
        switch (value) {
            case null -> { }
            case String s -> out.append(escape(s));
            case Boolean b -> out.append("<boolean>").append(b ? 1 : 0).append("</boolean>");
            case Double d -> out.append("<double>").append(d).append("</double>");
            case Float f -> out.append("<double>").append(f).append("</double>");
            case Number n -> out.append(n.longValue());
            case Instant t -> out.append("<dateTime.iso8601>").append(Wire.formatDatetime(t)).append("</dateTime.iso8601>");
            case RepeatedKeyMap m -> {
                out.append("<struct>");
                m.entries().forEach(e -> member(out, e.getKey(), e.getValue()));
                out.append("</struct>");
            }
            case Map<?, ?> map -> {
                out.append("<struct>");
                map.forEach((k, v) -> member(out, String.valueOf(k), v));
                out.append("</struct>");
            }
            case Collection<?> list -> {
                out.append("<array><data>");
                list.forEach(v -> appendValue(out, v));
                out.append("</data></array>");
            }
            case JsonNode node -> appendValue(out, node.isTextual() ? node.asText() : node.toString());
            default -> out.append(escape(String.valueOf(value)));
        }
        out.append("</value>");
    }

    private static void member(StringBuilder out, String name, Object value) {
        out.append("<member><name>").append(escape(name)).append("</name>");
        appendValue(out, value);
        out.append("</member>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
