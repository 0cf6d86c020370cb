package raypool.xapi.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import raypool.xapi.client.PasswordFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/xapi-pool}: serves the simulated pool until stopped (Ctrl-C or SIGTERM), printing the
 * URL and the credentials it accepts. Bad options exit 2 with a message that names the option.
 */
@Command(name = "xapi-pool", mixinStandardHelpOptions = true,
        description = "Serve a simulated XenServer/XCP-ng pool that speaks XAPI (JSON-RPC at /jsonrpc, "
                + "metrics at /rrd_updates) on 127.0.0.1, until stopped.")
public final class SimPoolMain implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--simulate", description = "Serve the simulated pool (the only mode for now; accepted "
            + "so that the command line matches 'balancer pool --simulate').")
    boolean simulate = true;

    @Option(names = "--port", paramLabel = "N", description = "TCP port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port = 8480;

    @Option(names = "--user", paramLabel = "U", description = "User name to accept (default: ${DEFAULT-VALUE}).")
    String user = "root";

    @Option(names = "--password-file", paramLabel = "F",
            description = "File whose first line is the password to accept; without it a password is generated and printed.")
    Optional<Path> passwordFile = Optional.empty();

    @Option(names = "--seed", description = "Seed of the stand and its synthetic workload (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--hosts", description = "Number of hosts (default: ${DEFAULT-VALUE}).")
    int hosts = 4;

    @Option(names = "--vms", description = "Number of guest VMs (default: ${DEFAULT-VALUE}).")
    int vms = 40;

    @Option(names = "--time-scale", paramLabel = "X",
            description = "Simulated seconds per real second; larger makes migrations finish sooner (default: ${DEFAULT-VALUE}).")
    double timeScale = 1.0;

    @Option(names = "--planetlab", paramLabel = "DAY_DIR",
            description = "Replay CPU load from a PlanetLab day directory (one 288-line trace per VM) instead of the synthetic workload.")
    Optional<Path> planetlab = Optional.empty();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command; returns its exit status (2 for bad options). Visible for tests. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SimPoolMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, badArgs) -> {
            err.println("xapi-pool: " + e.getMessage());
            err.println("Try 'xapi-pool --help'.");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65535) {
            throw bad("--port", "must be 0..65535, got " + port);
        }
        if (user.isBlank()) {
            throw bad("--user", "must not be empty");
        }
        if (hosts < 1 || hosts > 256) {
            throw bad("--hosts", "must be 1..256, got " + hosts);
        }
        if (vms < 0 || vms > 10_000) {
            throw bad("--vms", "must be 0..10000, got " + vms);
        }
        if (!(timeScale > 0) || timeScale > 10_000) {
            throw bad("--time-scale", "must be above 0 and at most 10000, got " + timeScale);
        }
        boolean generated = passwordFile.isEmpty();
        String password = passwordFile.map(this::readPassword).orElseGet(PasswordFiles::generated);
        SimConfig config = SimConfig.defaultStand(user, password).withSeed(seed).withHosts(hosts).withVms(vms)
                .withTimeScale(timeScale);
        SimPool pool = createPool(config);
        SimServer server;
        try {
            server = SimServer.start(pool, port);
        } catch (IOException e) {
            throw bad("--port", "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "xapi-pool-stop"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("simulated XAPI pool: " + hosts + " hosts x " + config.threadsPerHost() + " threads, "
                + vms + " guest VMs, " + planetlab.map(d -> "PlanetLab load from " + d).orElse("synthetic load")
                + ", seed " + seed + ", time x" + timeScale);
        out.println("url:      " + server.url() + "  (JSON-RPC: " + server.url().resolve("/jsonrpc") + ")");
        out.println("user:     " + user);
        out.println("password: " + (generated ? password + "  (generated)" : "(from " + passwordFile.get() + ")"));
        out.println("Stop with Ctrl-C.");
        out.flush();
        stopped.await();
        return 0;
    }

    private SimPool createPool(SimConfig config) {
        if (planetlab.isEmpty()) {
            return SimPool.create(config);
        }
        SimClock clock = new SimClock.Scaled(config.timeScale());
        try {
            return new SimPool(config, clock, TraceWorkload.planetLab(planetlab.get(), config.vms(), clock.nowMillis()));
        } catch (raypool.balancer.trace.InputException e) {
            throw bad("--planetlab", e.getMessage());
        }
    }

    private CommandLine.ParameterException bad(String option, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), "option " + option + ": " + message);
    }

    private String readPassword(Path file) {
        try {
            return PasswordFiles.read(file);
        } catch (PasswordFiles.UnreadablePasswordException e) {
            throw bad("--password-file", e.getMessage());
        }
    }
}
