package raypool.xapi.balancing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import raypool.balancer.daemon.AuditLog;

/** The command line: bad options and configuration exit 2 with one message naming the culprit. */
@Timeout(60)
class DaemonMainTest {
    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = DaemonMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    private static void refused(String expected, String... args) {
        Result r = run(args);
        assertEquals(2, r.status(), () -> "exit status for " + List.of(args) + ": " + r);
        assertTrue(r.err().contains(expected), () -> "message names " + expected + ": " + r.err());
    }

    @Test
    void badOptionsExit2() {
        refused("--mode", "--simulate", "--mode", "sometimes");
        refused("--duration", "--simulate", "--duration", "soon");
        refused("--duration", "--simulate", "--duration", "0s");
        refused("exactly one", "--simulate", "--url", "https://xen");
        refused("exactly one");
        refused("--password-file", "--url", "https://xen");
        refused("--url", "--url", "not a url", "--password-file", "x");
        refused("--status-port", "--simulate", "--status-port", "70000");
        refused("--time-scale", "--simulate", "--time-scale", "-1");
        refused("--bogus", "--simulate", "--bogus");
    }

    @Test
    void badPinAndPasswordFile() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "hunter2\n");
        refused("--pin-sha256", "--url", "https://xen", "--password-file", pw.toString(), "--pin-sha256", "zz");
        refused("no such file", "--url", "https://xen", "--password-file", dir.resolve("none").toString());
        Files.writeString(pw, "\n");
        refused(pw + ":1", "--url", "https://xen", "--password-file", pw.toString());
    }

    @Test
    void badConfigurationNamesFileAndLine() throws Exception {
        Path conf = dir.resolve("daemon.conf");
        Files.writeString(conf, "# comment\nmode = automatic\nmax-concurrent = many\n");
        refused(conf + ":3", "--simulate", "--config", conf.toString());
        Files.writeString(conf, "interval = 5s\ncolour = blue\n");
        refused(conf + ":2", "--simulate", "--config", conf.toString());
        Files.writeString(conf, "just words\n");
        refused(conf + ":1", "--simulate", "--config", conf.toString());
        refused("no such file", "--simulate", "--config", dir.resolve("missing.conf").toString());
    }

    @Test
    void aBoundedSimulatedRun() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Path conf = dir.resolve("daemon.conf");
        Files.writeString(conf, "interval = 200ms\nrepeat-rounds = 1\n");
        Result r = run("--simulate", "--mode", "automatic", "--duration", "3s", "--status-port", "0", "--audit",
                audit.toString(), "--config", conf.toString(), "--time-scale", "1500");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("/status"), r.out());
        var lines = AuditLog.readAll(audit);
        assertEquals("start", lines.get(1).path("event").asText());
        assertEquals("stop", lines.getLast().path("event").asText());
        assertEquals("duration reached", lines.getLast().path("reason").asText());
        assertFalse(Files.readString(audit).contains("password"), "no secret in the audit log");
    }
}
