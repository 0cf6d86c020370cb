package raypool.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The daemon's status endpoint on 127.0.0.1: {@code GET /status} (and {@code /}) answers the latest
 * round's JSON. Only loopback, and only for a request whose Host header names loopback
 * ({@code 127.0.0.1}, {@code localhost} or {@code [::1]}, with or without this port): a web page on
 * another site that makes a browser resolve its own name to 127.0.0.1 (DNS rebinding) sends its own
 * name as Host, and is answered 421 without the status. The status holds names and figures, never a
 * key, session or credential; there is no authentication.
 */
public final class StatusServer implements AutoCloseable {
    private static final Set<String> LOOPBACK_NAMES = Set.of("127.0.0.1", "localhost", "[::1]");
    private final HttpServer server;

    private StatusServer(HttpServer server) {
        this.server = server;
    }

    public static StatusServer start(int port, Supplier<String> status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                int actual = server.getAddress().getPort();
                if (!hostAllowed(exchange.getRequestHeaders().getFirst("Host"), actual)) {
                    send(exchange, 421, "{\"error\":\"the Host header must name 127.0.0.1 or localhost\"}");
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                if (!"GET".equals(exchange.getRequestMethod()) || !(path.equals("/") || path.equals("/status"))) {
                    send(exchange, 404, "{\"error\":\"GET /status\"}");
                    return;
                }
                send(exchange, 200, status.get());
            }
        });
        server.setExecutor(null);
        server.start();
        return new StatusServer(server);
    }

    /** Loopback by name or address, with no port or this port. */
    static boolean hostAllowed(String header, int port) {
        if (header == null) {
            return false;
        }
        String h = header.strip().toLowerCase(Locale.ROOT);
        for (String name : LOOPBACK_NAMES) {
            if (h.equals(name) || h.equals(name + ":" + port)) {
                return true;
            }
        }
        return false;
    }

    private static void send(HttpExchange exchange, int code, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(code, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
