package raypool.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.daemon.audit.AuditLog;

/** The status endpoint answers loopback names only (no DNS rebinding) and holds no key or secret. */
class StatusServerTest {
    @TempDir
    Path dir;

    /** A raw request, so that the Host header is exactly what a browser would send. */
    private static String get(int port, String host) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = s.getOutputStream();
            String request = "GET /status HTTP/1.1\r\n" + (host == null ? "" : "Host: " + host + "\r\n")
                    + "Connection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void onlyLoopbackHostHeadersAreAnswered() throws Exception {
        MemoryPool pool = new MemoryPool();
        pool.host("OpaqueRef:host-a", 16, 64 * MemoryPool.GIB).name = "host-a";
        pool.vm("OpaqueRef:vm-1", 2, 4 * MemoryPool.GIB, "OpaqueRef:host-a", 0.3).name = "vm-1";
        DaemonConfig c = DaemonConfig.defaults().with("audit", dir.resolve("a.jsonl").toString());
        try (BalancerDaemon d = new BalancerDaemon(c, pool.ports(), new AuditLog(c.audit()), "d");
             StatusServer server = StatusServer.start(0, d::status)) {
            d.runRound();
            int port = server.port();
            for (String ok : new String[] {"127.0.0.1:" + port, "localhost:" + port, "127.0.0.1", "LOCALHOST",
                    "[::1]:" + port}) {
                String reply = get(port, ok);
                assertTrue(reply.startsWith("HTTP/1.1 200"), ok + ": " + reply);
                assertTrue(reply.contains("\"hosts\""), reply);
                assertFalse(reply.contains("OpaqueRef"), "no pool keys in the status: " + reply);
            }
            for (String bad : new String[] {"evil.example:" + port, "127.0.0.1.evil.example", "localhost:1",
                    "10.0.0.1:" + port}) {
                String reply = get(port, bad);
                assertTrue(reply.startsWith("HTTP/1.1 421"), bad + ": " + reply);
                assertFalse(reply.contains("hosts"), "nothing of the status: " + reply);
            }
            assertTrue(get(port, null).startsWith("HTTP/1.1 4"), "no Host header, no status");
        }
    }

    @Test
    void hostHeaderRules() {
        assertTrue(StatusServer.hostAllowed("127.0.0.1:8481", 8481));
        assertTrue(StatusServer.hostAllowed("localhost", 8481));
        assertFalse(StatusServer.hostAllowed("localhost:8482", 8481));
        assertFalse(StatusServer.hostAllowed("rebound.example:8481", 8481));
        assertFalse(StatusServer.hostAllowed(null, 8481));
        assertEquals(false, StatusServer.hostAllowed("127.0.0.1:8481@evil", 8481));
    }
}
