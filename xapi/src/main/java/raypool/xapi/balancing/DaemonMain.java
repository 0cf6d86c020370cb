package raypool.xapi.balancing;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import raypool.xapi.client.PasswordFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.balancer.daemon.AuditLog;
import raypool.balancer.daemon.BalancerDaemon;
import raypool.balancer.daemon.DaemonConfig;
import raypool.balancer.daemon.StatusServer;
import raypool.xapi.client.TlsPolicy;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiSettings;
import raypool.xapi.sim.SimClock;
import raypool.xapi.sim.SimConfig;
import raypool.xapi.sim.SimPool;
import raypool.xapi.sim.SimServer;
import raypool.xapi.sim.TraceWorkload;

/**
 * {@code scripts/balancer daemon}: balances a pool through XAPI, either a real one ({@code --url}) or
 * the simulated pool started in-process ({@code --simulate}). Bad options or configuration exit 2 with
 * one message naming the option, or the file and line.
 */
@Command(name = "balancer daemon", mixinStandardHelpOptions = true,
        description = "Balance a XenServer/XCP-ng pool through XAPI: read metrics, plan, recommend or migrate.")
public final class DaemonMain implements Callable<Integer> {

    @Option(names = "--simulate", description = "Start the simulated pool in-process and balance it.")
    boolean simulate;

    @Option(names = "--url", paramLabel = "URL", description = "The pool master, e.g. https://xen-master.")
    Optional<String> url = Optional.empty();

    @Option(names = "--user", paramLabel = "U", description = "XAPI user (default: ${DEFAULT-VALUE}).")
    String user = "root";

    @Option(names = "--password-file", paramLabel = "F", description = "File whose first line is the password.")
    Optional<Path> passwordFile = Optional.empty();

    @Option(names = "--pin-sha256", paramLabel = "FP",
            description = "SHA-256 fingerprint of the master's self-signed certificate (AB:CD:...); without it the JDK trust store decides.")
    Optional<String> pin = Optional.empty();

    @Option(names = "--mode", paramLabel = "MODE", description = "recommend (default: log only) or automatic.")
    Optional<String> mode = Optional.empty();

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this long, e.g. 60s, 10m (default: until SIGTERM).")
    Optional<String> duration = Optional.empty();

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (key = value lines; see the README).")
    Optional<Path> configFile = Optional.empty();

    @Option(names = "--status-port", paramLabel = "N", description = "Status endpoint port on 127.0.0.1; 0 picks one, -1 none (default 8481).")
    Optional<Integer> statusPort = Optional.empty();

    @Option(names = "--audit", paramLabel = "FILE", description = "JSON-lines audit log (default balancer-audit.jsonl).")
    Optional<Path> audit = Optional.empty();

    @Option(names = "--interval", paramLabel = "D", description = "Real time between rounds (default 60s; 1s with --simulate).")
    Optional<String> interval = Optional.empty();

    @Option(names = "--time-scale", paramLabel = "X",
            description = "--simulate: simulated seconds per real second (default: ${DEFAULT-VALUE}: a 1 s round is 5 simulated minutes).")
    double timeScale = 300;

    @Option(names = "--seed", description = "--simulate: seed of the stand and its workload (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--hosts", description = "--simulate: hosts (default: ${DEFAULT-VALUE}).")
    int hosts = 4;

    @Option(names = "--vms", description = "--simulate: guest VMs (default: ${DEFAULT-VALUE}).")
    int vms = 40;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Counted down once the command has logged out and stopped everything: the shutdown hook waits for it. */
    private final CountDownLatch done = new CountDownLatch(1);

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command and returns its exit status (2: bad options or configuration). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new DaemonMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, bad) -> {
            err.println("balancer daemon: " + e.getMessage());
            err.println("Try 'balancer daemon --help'.");
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof DaemonConfig.ConfigException) {
                err.println("balancer daemon: " + e.getMessage());
                err.flush();
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    private CommandLine.ParameterException bad(String option, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), "option " + option + ": " + message);
    }

    /** Settings: the defaults, the simulated run's own defaults, the file, then the options. */
    DaemonConfig config() {
        DaemonConfig c = DaemonConfig.defaults();
        if (simulate) {
            c = c.with("interval", "1s");
        }
        if (configFile.isPresent()) {
            c = DaemonConfig.read(configFile.get(), c);
        }
        try {
            if (mode.isPresent()) {
                c = c.with("mode", mode.get());
            }
            if (interval.isPresent()) {
                c = c.with("interval", interval.get());
            }
            if (statusPort.isPresent()) {
                c = c.with("status-port", statusPort.get().toString());
            }
            if (audit.isPresent()) {
                c = c.with("audit", audit.get().toString());
            }
        } catch (IllegalArgumentException e) {
            String option = e.getMessage().substring(0, Math.max(0, e.getMessage().indexOf(':')));
            throw bad("--" + option, e.getMessage().substring(e.getMessage().indexOf(':') + 2));
        }
        return c;
    }

    @Override
    public Integer call() throws Exception {
        try {
            return command();
        } finally {
            done.countDown();
        }
    }

    private Integer command() throws Exception {
        if (simulate == url.isPresent()) {
            throw bad(simulate ? "--url" : "--simulate", "give either --simulate or --url (exactly one)");
        }
        Optional<Duration> limit = duration.map(d -> DaemonConfig.parseDuration(d)
                .filter(x -> !x.isZero()).orElseThrow(() -> bad("--duration", "'" + d
                        + "' is not a duration above 0 (a number with ms, s, m or h, e.g. 60s)")));
        DaemonConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        if (simulate) {
            return simulated(config, limit, out);
        }
        XapiSettings settings = realPool();
        try (XapiClient client = XapiClient.login(settings)) {
            out.println("balancing " + client.endpoint() + " as " + user + " (" + config.mode().name()
                    .toLowerCase(java.util.Locale.ROOT) + " mode)");
            return runDaemon(config, client, limit, out);
        }
    }

    private XapiSettings realPool() {
        URI uri;
        try {
            uri = new URI(url.get());
        } catch (URISyntaxException e) {
            throw bad("--url", "'" + url.get() + "' is not a URL");
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw bad("--url", "'" + url.get() + "' must be https://host (or http://host)");
        }
        if (passwordFile.isEmpty()) {
            throw bad("--password-file", "--url needs --password-file (the password is never taken on the command line)");
        }
        String password = readPassword(passwordFile.get());
        XapiSettings settings = XapiSettings.of(uri, user, password);
        if (pin.isPresent()) {
            try {
                settings = settings.withTls(TlsPolicy.PinnedSha256.parse(pin.get()));
            } catch (IllegalArgumentException e) {
                throw bad("--pin-sha256", e.getMessage());
            }
        }
        return settings;
    }

    private Integer simulated(DaemonConfig config, Optional<Duration> limit, PrintWriter out) throws Exception {
        if (!(timeScale > 0) || timeScale > 100_000) {
            throw bad("--time-scale", "must be above 0 and at most 100000, got " + timeScale);
        }
        if (hosts < 1 || hosts > 256) {
            throw bad("--hosts", "must be 1..256, got " + hosts);
        }
        if (vms < 0 || vms > 10_000) {
            throw bad("--vms", "must be 0..10000, got " + vms);
        }
        String password = passwordFile.map(this::readPassword).orElseGet(PasswordFiles::generated);
        SimConfig simConfig = SimConfig.defaultStand(user, password).withSeed(seed).withHosts(hosts).withVms(vms)
                .withTimeScale(timeScale);
        SimClock clock = new SimClock.Scaled(timeScale);
        SimPool pool = new SimPool(simConfig, clock, new SurgeWorkload(TraceWorkload.synthetic(seed, vms, clock.nowMillis()), clock.nowMillis()));
        try (SimServer server = SimServer.start(pool, 0)) {
            out.println("simulated pool: " + hosts + " hosts, " + vms + " VMs, time x" + timeScale + " at " + server.url()
                    + " (user " + user + ")");
            XapiSettings settings = XapiSettings.of(server.url(), user, password).withTaskPoll(Duration.ofMillis(50));
            try (XapiClient client = XapiClient.login(settings)) {
                return runDaemon(config, client, limit, out);
            }
        }
    }

    private int runDaemon(DaemonConfig config, XapiClient client, Optional<Duration> limit, PrintWriter out)
            throws IOException, InterruptedException {
        AuditLog audit = new AuditLog(config.audit());
        try (BalancerDaemon daemon = new BalancerDaemon(config, new XapiPoolReader(client, simulate),
                new XapiMigrationExecutor(client), audit)) {
            StatusServer status = null;
            if (config.statusPort() >= 0) {
                try {
                    status = StatusServer.start(config.statusPort(), daemon::status);
                } catch (IOException e) {
                    throw new DaemonConfig.ConfigException("status-port " + config.statusPort() + ": cannot listen on 127.0.0.1: "
                            + e.getMessage());
                }
                out.println("status:  http://127.0.0.1:" + status.port() + "/status");
            }
            out.println("audit:   " + config.audit().toAbsolutePath() + "  (" + config.mode().name().toLowerCase(java.util.Locale.ROOT)
                    + " mode, a round every " + config.interval().toMillis() / 1000.0 + " s"
                    + limit.map(d -> ", for " + d.toMillis() / 1000.0 + " s").orElse(", until SIGTERM") + ")");
            out.flush();
            Thread hook = new Thread(() -> {
                daemon.stop();
                try {
                    // the round under way ends, the audit says "stop", the session is logged out
                    done.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "balancer-daemon-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                daemon.recover();
                daemon.run(limit.orElse(null));
            } finally {
                if (status != null) {
                    status.close();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down already: the hook is running and has just been released
                }
            }
            List<Double> decide = daemon.decideMillis();
            out.println("stopped after " + daemon.round() + " rounds; median decision time "
                    + String.format(java.util.Locale.ROOT, "%.2f", median(decide)) + " ms");
        }
        return 0;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private String readPassword(Path file) {
        try {
            return PasswordFiles.read(file);
        } catch (PasswordFiles.UnreadablePasswordException e) {
            throw bad("--password-file", e.getMessage());
        }
    }
}
