package raypool.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyStore;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import raypool.balancer.cli.CliSupport;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.AuditLog;
import raypool.daemon.xapi.TestPool;

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

    private static Result refused(String expected, String... args) {
        return failed(2, expected, args);
    }

    private static Result failed(int status, String expected, String... args) {
        Result r = run(args);
        assertEquals(status, r.status(), () -> "exit status for " + List.of(args) + ": " + r);
        assertTrue(r.err().contains(expected), () -> "message names " + expected + ": " + r.err());
        assertEquals(1, r.err().lines().count(), () -> "one line: " + r.err());
        assertTrue(r.err().startsWith("balancer daemon: "), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), () -> "no stack trace: " + r.err());
        return r;
    }

    @Test
    void versionExitsZero() {
        for (String flag : List.of("-V", "--version")) {
            Result r = run(flag);
            assertEquals(0, r.status(), r::toString);
            assertEquals("balancer daemon " + CliSupport.VERSION + " (raypool)", r.out().strip());
        }
    }

    @Test
    void everyOptionIsDescribed() {
        CommandLine cli = new CommandLine(new DaemonMain());
        assertEquals("balancer daemon", cli.getCommandName());
        for (CommandLine.Model.OptionSpec option : cli.getCommandSpec().options()) {
            assertFalse(String.join(" ", option.description()).isBlank(), option.longestName() + " has no description");
        }
    }

    @Test
    void aMissingPasswordFileNamesUrlAndUser() {
        Result r = refused("--password-file", "--url", "https://127.0.0.1:9", "--user", "root", "--password-file",
                dir.resolve("nonexistent").toString());
        assertTrue(r.err().contains("no such file") && r.err().contains("root") && r.err().contains("https://127.0.0.1:9"), r.err());
    }

    @Test
    void aClosedPortIsOneLineNamingUrlAndUser() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path pw = Files.writeString(dir.resolve("pw"), "hunter2\n");
        String url = "http://127.0.0.1:" + port;
        // a refused connection may pass: the pool failed (1), not the input
        failed(1, "cannot log in to " + url + " as admin: connection refused", "--url", url, "--user", "admin",
                "--password-file", pw.toString());
    }

    @Test
    void aRefusedPasswordIsOneLineNamingUrlUserAndFile() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "wrong\n");
        try (TestPool sim = TestPool.start(1)) {
            String url = sim.server.url().toString();
            Result r = refused("cannot log in to " + url + " as " + TestPool.USER + ": ", "--url", url,
                    "--password-file", pw.toString(), "--status-port", "-1");
            assertTrue(r.err().contains("SESSION_AUTHENTICATION_FAILED") && r.err().contains(pw.toString()), r.err());
            assertEquals(0, sim.pool().openSessions());
        }
    }

    @Test
    void anUntrustedCertificateSuggestsAPin() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), TestPool.PASSWORD + "\n");
        try (TestPool sim = TestPool.start(1, Optional.of(selfSigned()))) {
            String url = sim.server.url().toString();
            assertTrue(url.startsWith("https:"), url);
            Result r = refused("--pin-sha256", "--url", url, "--password-file", pw.toString(), "--status-port", "-1");
            assertTrue(r.err().contains("does not trust the master's certificate"), r.err());
            refused("not the one --pin-sha256 names", "--url", url, "--password-file", pw.toString(),
                    "--status-port", "-1", "--pin-sha256", "00".repeat(32));
            assertEquals(0, sim.pool().openSessions());
        }
    }

    /** A TLS context with a fresh self-signed certificate for 127.0.0.1, as a XAPI master has. */
    private SSLContext selfSigned() throws Exception {
        Path store = dir.resolve("master.p12");
        String pass = "storepass";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "master", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=master",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "1", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", pass).redirectErrorStream(true).start();
        String log = new String(keytool.getInputStream().readAllBytes());
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, log);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keys.load(in, pass.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, pass.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }

    @Test
    void plainHttpIsRefusedUnlessItStaysOnThisMachine() throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "hunter2\n");
        Result r = refused("--url", "--url", "http://xen-master.example", "--password-file", pw.toString());
        assertTrue(r.err().contains("in clear") && r.err().contains("--allow-plain-http"), r.err());
        assertTrue(PoolConnection.loopback("127.0.0.1") && PoolConnection.loopback("localhost")
                && PoolConnection.loopback("[::1]") && PoolConnection.loopback("127.9.9.9"));
        assertFalse(PoolConnection.loopback("10.0.0.1") || PoolConnection.loopback("localhost.example")
                || PoolConnection.loopback("xen-master"));
    }

    @Test
    void aTransientFaultIsTriedAgainWithBackoffUntilTheDurationRunsOut() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path pw = Files.writeString(dir.resolve("pw"), "hunter2\n");
        long t0 = System.nanoTime();
        Result r = failed(1, "tried until --duration ran out", "--url", "http://127.0.0.1:" + port, "--password-file",
                pw.toString(), "--duration", "2500ms", "--status-port", "-1", "--audit", dir.resolve("a.jsonl").toString());
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertTrue(r.out().contains("trying again in 1.0 s") && r.out().lines().count() == 2,
                "waits 1 s, then what is left of the duration: " + r.out());
        assertTrue(seconds >= 2.4 && seconds < 15, "stopped when the duration ran out: " + seconds + " " + r);
    }

    @Test
    void faultsAreForTheSimulatedPoolAndASpecIsChecked() {
        refused("--faults", "--simulate", "--faults", "meteor@5s");
        refused("--faults", "--simulate", "--faults", "host-offline:host-9@5s");
        refused("--faults", "--simulate", "--faults", "http500@p=2");
        refused("--faults", "--url", "https://xen", "--faults", "http500@5s");
    }

    @Test
    void theSimulatedPoolInjectsTheFaultsOfTheSpec() throws Exception {
        Path audit = dir.resolve("faults.jsonl");
        Result r = run("--simulate", "--mode", "automatic", "--duration", "6s", "--interval", "200ms",
                "--status-port", "-1", "--audit", audit.toString(), "--time-scale", "1500",
                "--faults", "events-lost@1s,http500@p=0.02");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().contains("faults events-lost@1s,http500@p=0.02"), r.out());
        var log = AuditLog.read(audit);
        assertTrue(log.of(AuditEvent.PoolNote.class).stream().anyMatch(n -> n.detail().contains("EVENTS_LOST")),
                log.events().toString());
        assertFalse(log.of(AuditEvent.RoundFailed.class).isEmpty(), "some calls got HTTP 500");
        assertFalse(log.of(AuditEvent.Round.class).isEmpty(), "and the daemon kept going");
    }

    @Test
    void sigtermFinishesTheRoundUnderWayAndGivesTheLeaseBack() throws Exception {
        Path audit = dir.resolve("sigterm.jsonl");
        Process daemon = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DaemonMain.class.getName(), "--simulate", "--mode",
                "automatic", "--interval", "200ms", "--status-port", "-1", "--audit", audit.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + 40_000_000_000L;
            while (System.nanoTime() < deadline && (!Files.exists(audit)
                    || AuditLog.read(audit).of(AuditEvent.Round.class).size() < 2)) {
                Thread.sleep(100);
            }
            assertTrue(AuditLog.read(audit).of(AuditEvent.Round.class).size() >= 2, Files.readString(dir.resolve("out.txt")));
            daemon.destroy();   // SIGTERM
            assertTrue(daemon.waitFor(30, TimeUnit.SECONDS), "stopped");
        } finally {
            daemon.destroyForcibly();
        }
        var log = AuditLog.read(audit);
        assertEquals(0, log.unreadable(), "no line cut short");
        AuditEvent.Stop stop = (AuditEvent.Stop) log.events().getLast();
        assertEquals("stopped", stop.reason());
        assertEquals(1, log.of(AuditEvent.LeaseReleased.class).size(), "the lease is given back");
        // every round that started reached its end: its last line is the round line (or it was skipped)
        long starts = log.events().stream().mapToLong(AuditEvent::round).max().orElse(0);
        assertTrue(log.of(AuditEvent.Round.class).getLast().round() >= starts - 1, log.events().toString());
        assertTrue(Files.readString(dir.resolve("out.txt")).contains("stopped after"), "the command ended normally");
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
        refused("--hosts", "--simulate", "--hosts", "many");
        refused("--hosts", "--simulate", "--hosts", "0");
        refused("--mode", "--simulate", "--mode");
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
        var lines = AuditLog.read(audit);
        assertEquals(0, lines.unreadable());
        assertTrue(lines.events().get(0) instanceof AuditEvent.Recovered, lines.events().toString());
        assertTrue(lines.events().get(1) instanceof AuditEvent.Start, lines.events().toString());
        AuditEvent.Stop stop = (AuditEvent.Stop) lines.events().getLast();
        assertEquals("duration reached", stop.reason());
        assertFalse(Files.readString(audit).contains("password"), "no secret in the audit log");
    }
}
