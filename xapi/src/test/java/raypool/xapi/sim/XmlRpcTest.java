package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** XML-RPC at POST / on the wire: xapi's envelope and encodings, exact bytes. */
class XmlRpcTest {
    private static SimFixture sim;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        sim = SimFixture.start(100);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(sim.server.url() + path)).header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String call(String method, String... params) throws Exception {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\"?><methodCall><methodName>").append(method)
                .append("</methodName><params>");
        for (String p : params) {
            body.append("<param>").append(p).append("</param>");
        }
        HttpResponse<String> r = post("", body.append("</params></methodCall>").toString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        return r.body();
    }

    private static String login() throws Exception {
        String reply = call("session.login_with_password", "<value><string>root</string></value>",
                "<value>secret</value>", "<value>1.0</value>", "<value>xml test</value>");
        int at = reply.indexOf("OpaqueRef:");
        return reply.substring(at, reply.indexOf('<', at));
    }

    @Test
    void aResultIsAStatusValueStructWithXapisEncodings() throws Exception {
        String session = login();
        String hosts = call("host.get_all_records", "<value>" + session + "</value>");
        assertTrue(hosts.startsWith("<?xml version=\"1.0\"?><methodResponse><params><param><value><struct>"
                + "<member><name>Status</name><value>Success</value></member><member><name>Value</name>"), hosts);
        assertTrue(hosts.contains("<member><name>memory_overhead</name><value>4294967296</value></member>"),
                "ints are decimal strings");
        assertTrue(hosts.contains("<member><name>enabled</name><value><boolean>1</boolean></value></member>"));
        String metrics = call("host_metrics.get_all_records", "<value>" + session + "</value>");
        assertTrue(metrics.matches("(?s).*<name>last_updated</name><value><dateTime.iso8601>\\d{8}T\\d\\d:\\d\\d:\\d\\dZ"
                + "</dateTime.iso8601></value>.*"), metrics);
        String events = call("event.from", "<value>" + session + "</value>",
                "<value><array><data><value>host</value></data></array></value>", "<value></value>",
                "<value><double>1.0</double></value>");
        assertTrue(events.contains("<name>valid_ref_counts</name><value><struct><member><name>host</name><value>4</value>"),
                events.substring(0, Math.min(400, events.length())));
    }

    @Test
    void anErrorIsAFailureStructWithItsDescription() throws Exception {
        String reply = call("VM.get_all", "<value>OpaqueRef:nobody</value>");
        assertEquals("<?xml version=\"1.0\"?><methodResponse><params><param><value><struct>"
                + "<member><name>Status</name><value>Failure</value></member><member><name>ErrorDescription</name>"
                + "<value><array><data><value>SESSION_INVALID</value><value>OpaqueRef:nobody</value></data></array>"
                + "</value></member></struct></value></param></params></methodResponse>", reply);
        assertTrue(call("no.such_method", "<value>x</value>").contains("<value>MESSAGE_METHOD_UNKNOWN</value>"));
    }

    @Test
    void sessionsAreSharedWithJsonRpc() throws Exception {
        String session = login();
        var json = HTTP.send(HttpRequest.newBuilder(URI.create(sim.server.url() + "jsonrpc")).POST(
                HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"pool.get_all\",\"params\":[\""
                        + session + "\"],\"id\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(json.body().contains("\"result\":[\"OpaqueRef:"), json.body());
    }

    @Test
    void whatIsNotAMethodCallIsAnHttp500AndOtherPathsAre404() throws Exception {
        for (String body : new String[] {"not xml", "<?xml version=\"1.0\"?><methodResponse/>",
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><methodCall><methodName>&e;</methodName></methodCall>"}) {
            HttpResponse<String> r = post("", body);
            assertEquals(500, r.statusCode(), body);
            assertTrue(!r.body().contains("root:"), "no external entity is read");
        }
        assertEquals(404, post("elsewhere", "<methodCall/>").statusCode());
        assertEquals(405, HTTP.send(HttpRequest.newBuilder(sim.server.url()).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
    }
}
