package raypool.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import raypool.daemon.xapi.TestPool;

/** balancer plan: the plan the daemon would apply, each move checked by the pool; nothing changed. */
@Timeout(60)
class PlanMainTest {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = PlanMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void printsThePlanOfASimulatedPoolWithEachMoveChecked() {
        Result r = run("--simulate", "--policy", "wlb-performance");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("plan for http://127.0.0.1:"), r.out());
        assertTrue(r.out().contains("[assert_can_migrate: ok]"), "the surge needs a move: " + r.out());
    }

    @Test
    void jsonForTools() throws Exception {
        Result r = run("--simulate", "--json");
        assertEquals(0, r.status(), r::toString);
        var root = new ObjectMapper().readTree(r.out());
        assertEquals("wlb-density", root.path("policy").asText());
        assertTrue(root.path("apply").isArray() && root.path("notApplied").isArray(), r.out());
        for (var move : root.path("apply")) {
            assertFalse(move.path("check").asText().isEmpty(), move.toString());
        }
    }

    @Test
    void aRealPoolIsOnlyRead() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), TestPool.PASSWORD + "\n");
        try (TestPool sim = TestPool.start(1)) {
            int migrationsBefore = sim.pool().migrationsInFlight();
            Result r = run("--url", sim.server.url().toString(), "--password-file", pw.toString(), "--audit",
                    dir.resolve("none.jsonl").toString());
            assertEquals(0, r.status(), r::toString);
            assertEquals(migrationsBefore, sim.pool().migrationsInFlight(), "nothing started");
            assertFalse(Files.exists(dir.resolve("none.jsonl")), "no audit log written");
            assertEquals(0, sim.pool().openSessions(), "logged out");
        }
    }

    @Test
    void aPoolThatCannotBeReachedExits1() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path pw = Files.writeString(dir.resolve("pw"), "x\n");
        Result r = run("--url", "http://127.0.0.1:" + port, "--password-file", pw.toString());
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().startsWith("balancer plan: cannot log in to http://127.0.0.1:" + port + " as root"), r.err());
        assertEquals(1, r.err().lines().count());
    }
}
