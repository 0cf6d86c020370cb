package raypool.xapi.sim;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import raypool.xapi.client.Wire;

/**
 * The simulated pool on HTTP(S), bound to 127.0.0.1 only, as xapi serves it: {@code POST /} (XML-RPC),
 * {@code POST /jsonrpc} (JSON-RPC 1.0 and 2.0) and {@code GET /rrd_updates}. Both protocols reach the
 * same methods, sessions and faults. Each request runs on its own virtual thread, so an
 * event.from long-poll holds no pool thread and other calls are served meanwhile. A ticker advances
 * migrations every 50 ms of real time.
 */
public final class SimServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SimServer.class.getName());
    /** Replies are maps and lists of plain values; datetimes ({@link java.time.Instant}) as XAPI writes them. */
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new SimpleModule()
            .addSerializer(java.time.Instant.class, new StdSerializer<>(java.time.Instant.class) {
                @Override
                public void serialize(java.time.Instant t, JsonGenerator gen, SerializerProvider p) throws IOException {
                    gen.writeString(Wire.formatDatetime(t));
                }
            }));

    static {
        // The JDK server writes headers and body separately; with Nagle on, a reply larger than one
        // segment waits for the client's delayed ACK (40 ms on Linux): VM.get_all_records took 44 ms
        // instead of 1. Read once when the JDK's server classes load, so set it before any server.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimPool pool;
    private final JsonRpcApi api;
    private final HttpServer http;
    private final ExecutorService requests;
    private final ScheduledExecutorService ticker;
    private final String scheme;
    private final long startedNanos = System.nanoTime();

    private SimServer(SimPool pool, HttpServer http, String scheme, Optional<String> memberOf) {
        this.pool = pool;
        this.api = new JsonRpcApi(pool, memberOf);
        this.http = http;
        this.scheme = scheme;
        this.requests = Executors.newVirtualThreadPerTaskExecutor();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-pool-ticker");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(requests);
        http.createContext("/jsonrpc", this::jsonRpc);
        http.createContext("/rrd_updates", this::rrdUpdates);
        http.createContext("/", this::root);
    }

    /** Serves {@code pool} over plain HTTP on 127.0.0.1:{@code port} (0 picks a free port). */
    public static SimServer start(SimPool pool, int port) throws IOException {
        return start(pool, port, Optional.empty(), Optional.empty());
    }

    /**
     * @param tls      when present, serve HTTPS with this context (tests use a self-signed certificate)
     * @param memberOf when present, act as a pool member: logins answer HOST_IS_SLAVE naming this master
     */
    public static SimServer start(SimPool pool, int port, Optional<SSLContext> tls, Optional<String> memberOf)
            throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer server;
        if (tls.isPresent()) {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(tls.get()));
            server = https;
        } else {
            server = HttpServer.create(address, 128);
        }
        SimServer sim = new SimServer(pool, server, tls.isPresent() ? "https" : "http", memberOf);
        server.start();
        sim.ticker.scheduleAtFixedRate(sim::tick, 50, 50, TimeUnit.MILLISECONDS);
        return sim;
    }

    private void tick() {
        try {
            pool.faults().tick(Duration.ofNanos(System.nanoTime() - startedNanos));
            pool.advance();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "simulated pool: advancing time failed", e);
        }
    }

    public SimPool pool() {
        return pool;
    }

    public Faults faults() {
        return pool.faults();
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The base URL a client connects to. */
    public URI url() {
        return URI.create(scheme + "://127.0.0.1:" + port() + "/");
    }

    /** The address a pool member names in HOST_IS_SLAVE to send clients here. */
    public String masterAddress() {
        return "127.0.0.1:" + port();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        http.stop(0);
        requests.shutdownNow();
    }

    // ---------------------------------------------------------------- JSON-RPC

    private void jsonRpc(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "text/plain", "POST JSON-RPC requests to /jsonrpc\n");
                return;
            }
            if (faulted(exchange)) {
                return;
            }
            JsonNode request;
            try (InputStream body = exchange.getRequestBody()) {
                request = MAPPER.readTree(body);
            } catch (IOException e) {
                // xapi answers a request it cannot parse with HTTP 500, not a JSON-RPC error
                send(exchange, 500, "text/html", "<html><body>malformed JSON-RPC request</body></html>");
                return;
            }
            if (!wellFormed(request)) {
                // as xapi: a call without method, params or id is not answered in JSON-RPC at all
                send(exchange, 500, "text/html", "<html><body><h1>HTTP 500 internal server error</h1>"
                        + "Jsonrpc.Malformed_method_request</body></html>");
                return;
            }
            send(exchange, 200, "application/json", MAPPER.writeValueAsString(reply(request)));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "simulated pool: request failed", e);
            throw e;
        }
    }

    /** The faults that strike a request before it is read: a slow reply, then HTTP 500. */
    private boolean faulted(HttpExchange exchange) throws IOException {
        Optional<Duration> delay = pool.faults().takeSlowReply();
        if (delay.isPresent()) {
            sleep(delay.get());
        }
        if (pool.faults().takeHttp500()) {
            send(exchange, 500, "text/html", "<html><body><h1>HTTP 500 internal server error</h1>"
                    + "An unexpected error occurred; please wait a while and try again.</body></html>");
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- XML-RPC

    /** {@code POST /} is XML-RPC, as on xapi; anything else here is not served. */
    private void root(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/") && !path.equals("/RPC2")) {
                send(exchange, 404, "text/plain",
                        "the simulated pool serves POST / (XML-RPC), POST /jsonrpc and GET /rrd_updates\n");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                send(exchange, 405, "text/plain", "POST XML-RPC requests to /, JSON-RPC requests to /jsonrpc\n");
                return;
            }
            if (faulted(exchange)) {
                return;
            }
            XmlRpc.Call call;
            try (InputStream body = exchange.getRequestBody()) {
                call = XmlRpc.parse(body);
            } catch (XmlRpc.MalformedCall e) {
                send(exchange, 500, "text/html", "<html><body><h1>HTTP 500 internal server error</h1>"
                        + XmlRpc.escape(e.getMessage()) + "</body></html>");
                return;
            }
            String reply;
            try {
                reply = XmlRpc.success(api.call(call.method(), call.params()));
            } catch (SimError e) {
                reply = XmlRpc.failure(e.errorInfo());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "simulated pool: " + call.method() + " failed", e);
                reply = XmlRpc.failure(List.of("INTERNAL_ERROR", call.method() + ": " + e));
            }
            send(exchange, 200, "text/xml", reply);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "simulated pool: request failed", e);
            throw e;
        }
    }

    /** xapi wants method, an array of params and a non-null id (it accepts no notifications). */
    private static boolean wellFormed(JsonNode request) {
        return request != null && request.isObject() && request.path("method").isTextual()
                && request.path("params").isArray() && request.hasNonNull("id");
    }

    /**
     * The reply as plain maps, serialised directly: a Jackson tree would merge the repeated keys that
     * the simulated pool sends on purpose (license_params).
     */
    private Map<String, Object> reply(JsonNode request) {
        boolean v2 = "2.0".equals(request.path("jsonrpc").asText());
        String method = request.get("method").asText();
        List<JsonNode> params = new ArrayList<>();
        request.path("params").forEach(params::add);
        Map<String, Object> reply = new LinkedHashMap<>();
        if (v2) {
            reply.put("jsonrpc", "2.0");
        }
        try {
            reply.put("result", api.call(method, params));
            if (!v2) {
                reply.put("error", null); // JSON-RPC 1.0 wants both members, the unused one null
            }
        } catch (SimError e) {
            putError(reply, v2, e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulated pool: " + method + " failed", e);
            putError(reply, v2, new SimError("INTERNAL_ERROR", method + ": " + e));
        }
        reply.put("id", request.get("id"));
        return reply;
    }

    /** JSON-RPC 2.0: {code, message: CODE, data: params}; 1.0: [CODE, params...], as xapi writes them. */
    private static void putError(Map<String, Object> reply, boolean v2, SimError e) {
        if (v2) {
            reply.put("error", Map.of("code", 1, "message", e.code(), "data", e.params()));
        } else {
            reply.put("result", null);
            reply.put("error", e.errorInfo());
        }
    }

    // ---------------------------------------------------------------- rrd_updates

    private void rrdUpdates(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI());
            String session = query.getOrDefault("session_id", "");
            try {
                pool.session(session);
            } catch (SimError e) {
                send(exchange, 403, "text/plain", "rrd_updates: session_id is not a valid session\n");
                return;
            }
            long start;
            int interval;
            try {
                start = Long.parseLong(query.getOrDefault("start", "0"));
                interval = Integer.parseInt(query.getOrDefault("interval", "5"));
            } catch (NumberFormatException e) {
                send(exchange, 400, "text/plain", "rrd_updates: start and interval must be integers\n");
                return;
            }
            if (interval != 5 && interval != 60 && interval != 3600 && interval != 86400) {
                send(exchange, 400, "text/plain", "rrd_updates: interval must be 5, 60, 3600 or 86400\n");
                return;
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            boolean json = "true".equals(query.get("json")) || (accept != null && accept.contains("application/json"));
            String body = pool.read(() -> RrdRenderer.render(pool, start, interval, json));
            send(exchange, 200, json ? "application/json" : "text/xml", body);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(key, value);
        }
        return out;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
