package raypool.xapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wire details against a stub that answers exactly the bytes a test gives it. */
class WireTest {
    private HttpServer stub;
    private final AtomicReference<String> nextBody = new AtomicReference<>("");
    private final AtomicReference<String> lastRequest = new AtomicReference<>("");
    private JsonRpcTransport transport;

    @BeforeEach
    void start() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        stub.createContext("/jsonrpc", exchange -> {
            try (exchange) {
                lastRequest.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] body = nextBody.get().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        stub.start();
        URI base = URI.create("http://127.0.0.1:" + stub.getAddress().getPort() + "/");
        transport = new JsonRpcTransport(base, JsonRpcTransport.httpClient(new TlsPolicy.SystemTrust(), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        stub.stop(0);
    }

    private JsonNode answer(String body) {
        nextBody.set(body);
        return transport.call("host.get_record", List.of("OpaqueRef:s", "OpaqueRef:h"), Duration.ofSeconds(5));
    }

    @Test
    void requestIsJsonRpc2WithSessionFirst() throws IOException {
        answer("{\"jsonrpc\":\"2.0\",\"result\":\"\",\"id\":1}");
        JsonNode request = JsonRpcTransport.MAPPER.readTree(lastRequest.get());
        assertEquals("2.0", request.get("jsonrpc").asText());
        assertEquals("host.get_record", request.get("method").asText());
        assertEquals("OpaqueRef:s", request.get("params").get(0).asText());
        assertTrue(request.get("id").isIntegralNumber());
    }

    @Test
    void sixtyFourBitIntsAsStringsAndAsExactIntegerLiterals() {
        JsonNode r = answer("{\"result\":{\"memory_total\":\"161061273600\",\"big\":\"9223372036854775807\","
                + "\"n\":42,\"f\":\"0.25\",\"neg\":\"-1\",\"literal\":9007199254740993},\"id\":1}");
        assertEquals(161_061_273_600L, Wire.int64(r, "memory_total"));
        assertEquals(Long.MAX_VALUE, Wire.int64(r, "big"));
        assertEquals(42L, Wire.int64(r, "n"));
        assertEquals(-1L, Wire.int64(r, "neg"));
        assertEquals(9_007_199_254_740_993L, Wire.int64(r, "literal"), "2^53+1 as a literal stays exact");
        assertEquals(0.25, Wire.float64(r, "f"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wire.int64(r, "f"));
        assertTrue(e.getMessage().contains("field f"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Wire.int64(r, "absent")).getMessage()
                .contains("absent"));
    }

    @Test
    void opaqueRefNullIsNoAnswer() {
        JsonNode r = answer("{\"result\":{\"resident_on\":\"OpaqueRef:NULL\",\"affinity\":\"OpaqueRef:a1\"},\"id\":1}");
        assertTrue(Wire.ref(r, "resident_on").isNull());
        assertTrue(Wire.ref(r, "resident_on").asOptional().isEmpty());
        assertEquals("OpaqueRef:a1", Wire.ref(r, "affinity").asOptional().orElseThrow().value());
    }

    @Test
    void repeatedKeysInAMapKeepTheLastAndNeverFail() {
        JsonNode r = answer("{\"result\":{\"license_params\":{\"expiry\":\"20300101T00:00:00Z\","
                + "\"restrict_wlb\":\"true\",\"sku_type\":\"free\",\"restrict_wlb\":\"false\"}},\"id\":1}");
        var params = Wire.stringMap(r, "license_params");
        assertEquals("false", params.get("restrict_wlb"));
        assertEquals(3, params.size());
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), Wire.datetime(r.get("license_params"), "expiry"));
    }

    @Test
    void jsonRpc1ErrorArrayAndJsonRpc2ErrorObjectAreTheSameError() {
        XapiError v1 = assertThrows(XapiError.class,
                () -> answer("{\"result\":null,\"error\":[\"VM_BAD_POWER_STATE\",\"OpaqueRef:v\",\"running\",\"halted\"],\"id\":1}"));
        XapiError v2 = assertThrows(XapiError.class, () -> answer("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":1,"
                + "\"message\":\"VM_BAD_POWER_STATE\",\"data\":[\"OpaqueRef:v\",\"running\",\"halted\"]},\"id\":1}"));
        for (XapiError e : List.of(v1, v2)) {
            XapiError.VmBadPowerState bad = (XapiError.VmBadPowerState) e;
            assertEquals("halted", bad.actual());
            assertEquals("host.get_record", bad.method());
        }
    }

    @Test
    void aBodyThatIsNotJsonRpcIsATransportFailure() {
        assertThrows(XapiTransportException.class, () -> answer("<html>oops</html>"));
        assertThrows(XapiTransportException.class, () -> answer("{\"id\":1}"));
    }

    @Test
    void taskResultsLoseTheirValueTags() {
        assertEquals("OpaqueRef:abc", Wire.taskResultText("<value>OpaqueRef:abc</value>"));
        assertEquals("", Wire.taskResultText("<value></value>"));
        assertEquals("", Wire.taskResultText(""));
        assertEquals("a<b&c", Wire.taskResultText("<value><string>a&lt;b&amp;c</string></value>"));
    }

    @Test
    void xapiDatetimesRoundTrip() {
        Instant t = Instant.parse("2024-01-01T13:20:11Z");
        assertEquals("20240101T13:20:11Z", Wire.formatDatetime(t));
        JsonNode r = JsonRpcTransport.MAPPER.createObjectNode().put("created", "20240101T13:20:11Z");
        assertEquals(t, Wire.datetime(r, "created"));
    }
}
