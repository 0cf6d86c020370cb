package raypool.xapi.sim;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import raypool.xapi.client.PasswordFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scripts/balancer pool} (and {@code scripts/xapi-pool}): serves the simulated pool until stopped
 * (Ctrl-C or SIGTERM), printing the URL and the credentials it accepts. Bad options exit 2 with one line
 * that names the option. The command calls itself {@code balancer pool}, or what the system property
 * {@value #NAME_PROPERTY} says (scripts/xapi-pool sets it to {@code xapi-pool}).
 */
@Command(name = SimPoolMain.DEFAULT_NAME, mixinStandardHelpOptions = true, versionProvider = CommandSupport.VersionProvider.class,
        description = "Serve a simulated XenServer/XCP-ng pool that speaks XAPI (XML-RPC at /, JSON-RPC at /jsonrpc, "
                + "metrics at /rrd_updates) on 127.0.0.1, until stopped.")
public final class SimPoolMain implements java.util.concurrent.Callable<Integer> {
    static final String DEFAULT_NAME = "balancer pool";
    /** The name the launching script gives the command, for its usage line, messages and version. */
    public static final String NAME_PROPERTY = "raypool.command.name";

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

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed of the stand, its synthetic workload and the draws of --faults p=F (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--hosts", paramLabel = "N", description = "Number of hosts (default: ${DEFAULT-VALUE}).")
    int hosts = 4;

    @Option(names = "--vms", paramLabel = "N", description = "Number of guest VMs (default: ${DEFAULT-VALUE}).")
    int vms = 40;

    @Option(names = "--time-scale", paramLabel = "X",
            description = "Simulated seconds per real second; larger makes migrations finish sooner (default: ${DEFAULT-VALUE}).")
    double timeScale = 1.0;

    @Option(names = "--planetlab", paramLabel = "DAY_DIR",
            description = "Replay CPU load from a PlanetLab day directory (one 288-line trace per VM) instead of the synthetic workload.")
    Optional<Path> planetlab = Optional.empty();

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "Faults to inject: KIND[:ARG]@WHEN,... with WHEN Ns (once, N s after start) or p=F (each "
                    + "call, probability F); kinds session-invalid, http500, slow:MS, events-lost, task-fail[:CODE], "
                    + "host-offline:HOST. Example: \"session-invalid@20s,http500@p=0.05,host-offline:host-3@50s\".")
    String faults = "";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        String name = System.getProperty(NAME_PROPERTY, "").strip();
        System.exit(run(name.isEmpty() ? DEFAULT_NAME : name, args, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true)));
    }

    /** Runs the command as {@code balancer pool}; returns its exit status (2 for bad options). Visible for tests. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(DEFAULT_NAME, args, out, err);
    }

    /** Runs the command under the name {@code name} (usage line, messages, version). */
    static int run(String name, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = CommandSupport.configure(new CommandLine(new SimPoolMain()), out, err);
        cli.setCommandName(name);
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
        FaultSpec faultSpec;
        try {
            faultSpec = FaultSpec.parse(faults);
        } catch (FaultSpec.Invalid e) {
            throw bad("--faults", e.getMessage());
        }
        boolean generated = passwordFile.isEmpty();
        String password = passwordFile.map(this::readPassword).orElseGet(PasswordFiles::generated);
        SimConfig config = SimConfig.defaultStand(user, password).withSeed(seed).withHosts(hosts).withVms(vms)
                .withTimeScale(timeScale).withFaults(faultSpec);
        SimPool pool;
        try {
            pool = createPool(config);
        } catch (FaultSpec.Invalid e) {
            throw bad("--faults", e.getMessage());
        }
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
        pool.faults().onFired(line -> {
            out.println(line);
            out.flush();
        });
        out.println("simulated XAPI pool: " + hosts + " hosts x " + config.threadsPerHost() + " threads, "
                + vms + " guest VMs and the licence server VM, " + planetlab.map(d -> "PlanetLab load from " + d).orElse("synthetic load")
                + ", seed " + seed + ", time x" + timeScale);
        out.println("url:      " + server.url() + "  (XML-RPC; JSON-RPC: " + server.url().resolve("/jsonrpc") + ")");
        out.println("user:     " + user);
        out.println("password: " + (generated ? password + "  (generated)" : "(from " + passwordFile.get() + ")"));
        if (!faultSpec.isEmpty()) {
            out.println("faults:   " + faultSpec + "  (seed " + seed + ")");
        }
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
        } catch (TraceFileException e) {
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
