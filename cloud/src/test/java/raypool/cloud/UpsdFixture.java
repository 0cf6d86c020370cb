package raypool.cloud;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import raypool.cloud.ups.NutClient;
import raypool.cloud.ups.UpsStatus;

/**
 * A real Network UPS Tools server for tests: upsd with the dummy-ups driver, started unprivileged in a
 * folder of its own (nothing in /etc/nut), listening on a free port of 127.0.0.1. The driver reads
 * {@code dummy.dev}; {@link #setStatus} rewrites it, and upsd reports the new ups.status within seconds.
 * Without the programs the test is skipped, or fails when CI=true (CI must not pass with it left out).
 */
public final class UpsdFixture implements AutoCloseable {
    public static final String UPS = "dummy";
    private static final List<String> DIRS = List.of("/lib/nut", "/usr/lib/nut", "/usr/sbin", "/sbin", "/usr/bin");

    private final Path dir;
    private final int port;
    private final List<Process> processes = new ArrayList<>();

    /** The program's path: daemons' own folders first (/usr/sbin/upsd is a wrapper that wants /etc/nut), then PATH. */
    static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>(DIRS);
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(":")));
        }
        return dirs.stream().map(d -> Path.of(d, program)).filter(Files::isExecutable).findFirst();
    }

    /** Starts upsd and dummy-ups, or skips (fails with CI=true) when NUT is not installed. */
    public static UpsdFixture start(Path dir) throws Exception {
        Optional<Path> upsd = find("upsd");
        Optional<Path> driver = find("dummy-ups");
        if (upsd.isEmpty() || driver.isEmpty()) {
            String why = "Network UPS Tools is not installed (upsd and dummy-ups looked for in " + DIRS + " and PATH): "
                    + "apt-get install --no-install-recommends nut-server nut-client";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            Assumptions.abort(why);
        }
        UpsdFixture f = new UpsdFixture(dir, freePort());
        f.configure();
        f.setStatus("OL");
        f.spawn(driver.get().toString(), "-a", UPS, "-u", "root", "-F");
        f.spawn(upsd.get().toString(), "-u", "root", "-F");
        f.awaitStatus(s -> s.online(), Duration.ofSeconds(20));
        return f;
    }

    private UpsdFixture(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void configure() throws IOException {
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("nut.conf"), "MODE=standalone\n");
        Files.writeString(dir.resolve("ups.conf"), "[" + UPS + "]\n  driver = dummy-ups\n  port = dummy.dev\n  desc = \"test UPS\"\n");
        Files.writeString(dir.resolve("upsd.conf"), "LISTEN 127.0.0.1 " + port + "\n");
        Path users = Files.writeString(dir.resolve("upsd.users"), "[monitor]\n  password = test\n  upsmon primary\n");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-------"));
    }

    private void spawn(String... command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve(Path.of(command[0]).getFileName() + ".log").toFile());
        Map<String, String> env = pb.environment();
        env.put("NUT_CONFPATH", dir.toString());
        env.put("NUT_STATEPATH", dir.resolve("state").toString());
        processes.add(pb.start());
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public NutClient client() {
        return new NutClient("127.0.0.1", port, Duration.ofSeconds(2));
    }

    /** Rewrites the driver's file: {@code OL}, {@code OB DISCHRG}, {@code OB LB}, ... */
    public void setStatus(String status) throws IOException {
        Path tmp = dir.resolve("dummy.dev.tmp");
        Files.writeString(tmp, "ups.status: " + status + "\nbattery.charge: " + (status.contains("LB") ? 8 : 100)
                + "\nbattery.runtime: 1200\n");
        Files.move(tmp, dir.resolve("dummy.dev"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits until upsd reports a status that {@code wanted} accepts. */
    public void awaitStatus(java.util.function.Predicate<UpsStatus> wanted, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        String last = "nothing";
        while (System.nanoTime() < deadline) {
            try {
                UpsStatus s = client().status(UPS);
                if (wanted.test(s)) {
                    return;
                }
                last = s.toString();
            } catch (NutClient.NutException e) {
                last = e.getMessage();
            }
            Thread.sleep(100);
        }
        fail("upsd never reported the status waited for; last: " + last + "; logs in " + dir);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes.reversed()) {
            p.destroy();
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
