package raypool.xapi.client;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One JSON-RPC endpoint ({@code POST <base>/jsonrpc}): sends a call, returns its {@code result} or
 * throws the {@link XapiError} it carries. Knows nothing about sessions. Reads both error forms XAPI
 * has used: v2 {@code {"code":1,"message":CODE,"data":[params]}} and v1 {@code [CODE, params...]}.
 */
public final class JsonRpcTransport {
    /** Duplicate keys keep the last value and never fail: XCP-ng 8.3 repeats keys in license_params. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private final URI base;
    private final URI endpoint;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();

    public JsonRpcTransport(URI base, HttpClient http) {
        this.base = base;
        this.endpoint = base.resolve("/jsonrpc");
        this.http = http;
    }

    public static HttpClient httpClient(TlsPolicy tls, Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .sslContext(tls.sslContext())
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public URI base() {
        return base;
    }

    public HttpClient http() {
        return http;
    }

    /**
     * Calls {@code method} with {@code params} (already including the session ref when the method
     * takes one). {@code replyTimeout} bounds the wait for the whole reply.
     */
    public JsonNode call(String method, List<?> params, Duration replyTimeout) {
        ObjectNode request = MAPPER.createObjectNode();
        request.put("jsonrpc", "2.0");
        request.put("method", method);
        request.set("params", MAPPER.valueToTree(params));
        request.put("id", ids.incrementAndGet());
        byte[] body;
        try {
            body = MAPPER.writeValueAsBytes(request);
        } catch (IOException e) {
            throw new IllegalArgumentException(method + ": parameters cannot be written as JSON", e);
        }
        HttpRequest httpRequest = HttpRequest.newBuilder(endpoint)
                .timeout(replyTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<byte[]> response = send(method, httpRequest);
        if (response.statusCode() != 200) {
            throw new XapiTransportException(endpoint, method + ": HTTP " + response.statusCode(),
                    response.statusCode(), null);
        }
        JsonNode reply;
        try {
            reply = MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new XapiTransportException(endpoint, method + ": reply is not JSON", 200, e);
        }
        return resultOf(method, reply);
    }

    private HttpResponse<byte[]> send(String method, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new XapiTransportException(endpoint, method + ": no reply within " + request.timeout()
                    .map(Duration::toString).orElse("?"), 0, e);
        } catch (IOException e) {
            throw new XapiTransportException(endpoint, method + ": " + e, 0, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new XapiTransportException(endpoint, method + ": interrupted", 0, e);
        }
    }

    private JsonNode resultOf(String method, JsonNode reply) {
        if (reply == null || !reply.isObject()) {
            throw new XapiTransportException(endpoint, method + ": reply is not a JSON-RPC object", 200, null);
        }
        JsonNode error = reply.get("error");
        if (error != null && !error.isNull()) {
            throw errorOf(method, error);
        }
        JsonNode result = reply.get("result");
        if (result == null) {
            throw new XapiTransportException(endpoint, method + ": reply has neither result nor error", 200, null);
        }
        return result;
    }

    private static XapiError errorOf(String method, JsonNode error) {
        if (error.isArray() && !error.isEmpty()) {
            List<String> params = new ArrayList<>();
            for (int i = 1; i < error.size(); i++) {
                params.add(error.get(i).asText());
            }
            return XapiError.of(error.get(0).asText(), params, method);
        }
        String code = error.path("message").asText("INTERNAL_ERROR");
        List<String> params = new ArrayList<>();
        JsonNode data = error.get("data");
        if (data instanceof ArrayNode array) {
            array.forEach(p -> params.add(p.asText()));
        } else if (data != null && !data.isNull()) {
            params.add(data.asText());
        }
        return XapiError.of(code, params, method);
    }
}
