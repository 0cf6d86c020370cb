package raypool.daemon.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import raypool.balancer.cli.CliSupport;
import raypool.daemon.BalancerDaemon;
import raypool.balancer.trace.InputException;
import raypool.daemon.DaemonConfig;
import raypool.daemon.capacity.CapacityFiles;
import raypool.daemon.RoundLoop;
import raypool.daemon.StatusServer;
import raypool.daemon.audit.AuditLog;
import raypool.daemon.xapi.XapiHostPower;
import raypool.daemon.xapi.XapiLeaseStore;
import raypool.daemon.xapi.XapiMigrationExecutor;
import raypool.daemon.xapi.XapiPoolReader;
import raypool.xapi.connect.CommandFailure;

/**
 * {@code scripts/balancer daemon}: balances a pool through XAPI, either a real one ({@code --url}) or
 * the simulated pool started in-process ({@code --simulate}). Bad options, configuration, password or
 * certificate exit 2 with one message naming the option, file, URL or user; a pool that failed exits 1.
 */
@Command(name = "balancer daemon", mixinStandardHelpOptions = true, versionProvider = CliSupport.VersionProvider.class,
        description = "Balance a XenServer/XCP-ng pool through XAPI: read metrics, plan, recommend or migrate.")
public final class DaemonMain implements Callable<Integer> {

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Option(names = "--mode", paramLabel = "MODE", description = "recommend (default: log only) or automatic.")
    Optional<String> mode = Optional.empty();

    @Option(names = "--policy", paramLabel = "NAME", description = "The balancer policy (default wlb-density; any of "
            + "the balancer's, e.g. wlb-performance).")
    Optional<String> policy = Optional.empty();

    @Option(names = "--duration", paramLabel = "D", description = "Stop after this long, e.g. 60s, 10m (default: until "
            + "SIGTERM); a pool that cannot be reached is tried again meanwhile.")
    Optional<String> duration = Optional.empty();

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (key = value lines; see the README).")
    Optional<Path> configFile = Optional.empty();

    @Option(names = "--status-port", paramLabel = "N", description = "Status endpoint port on 127.0.0.1; 0 picks one, -1 none (default 8481).")
    Optional<Integer> statusPort = Optional.empty();

    @Option(names = "--audit", paramLabel = "FILE", description = "JSON-lines audit log (default balancer-audit.jsonl).")
    Optional<Path> audit = Optional.empty();

    @Option(names = "--interval", paramLabel = "D", description = "Real time between rounds (default 60s; 1s with --simulate).")
    Optional<String> interval = Optional.empty();

    @Option(names = "--capacity", paramLabel = "FILE|DIR", description = "raybench results of the pool's hosts (files, "
        + "or folders searched for them): each host's CPU capacity is its measured speed (matched by the host UUID or "
        + "name the result recorded, else by CPU model); hosts without one keep the fallback, named in the status "
        + "page and the audit log.")
    List<Path> capacity = new java.util.ArrayList<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Counted down once the command has logged out and stopped everything: the shutdown hook waits for it. */
    private final CountDownLatch done = new CountDownLatch(1);

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command and returns its exit status (2: bad input; 1: the pool failed). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return execute(new CommandLine(new DaemonMain()), args, out, err);
    }

    /** The error handling of both commands: one line, the status of the failure, never a stack trace. */
    static int execute(CommandLine cli, String[] args, PrintWriter out, PrintWriter err) {
        CliSupport.configure(cli, out, err);
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof DaemonConfig.ConfigException) {
                return CliSupport.fail(c, e.getMessage());
            }
            if (e instanceof CommandFailure f) {
                int status = CliSupport.fail(c, f.getMessage());
                return f.status() == CommandFailure.BAD_INPUT ? status : f.status();
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** Settings: the defaults, the simulated run's own defaults, the file, then the options. */
    static DaemonConfig config(CommandLine cmd, boolean simulate, Optional<Path> file, List<String[]> options) {
        DaemonConfig c = DaemonConfig.defaults();
        if (simulate) {
            // the simulated pool replays CPU traces in whole percents, so its idle guests read exactly
            // 0 %, which no real guest does: the zero-CPU check would stop every round there
            c = c.with("interval", "1s").with("zero-cpu-samples", "0");
            // a round is 5 simulated minutes there: the lease must outlast several
            c = c.with("lease-ttl", "30m");
        }
        if (file.isPresent()) {
            c = DaemonConfig.read(file.get(), c);
        }
        for (String[] kv : options) {
            try {
                c = c.with(kv[0], kv[1]);
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                throw PoolConnection.bad(cmd, "--" + kv[0], message.substring(message.indexOf(':') + 2));
            }
        }
        try {
            // read now, so that a result that cannot be a capacity stops the command before it connects
            CapacityFiles.load(c.capacity());
        } catch (InputException e) {
            throw PoolConnection.bad(cmd, "--capacity", e.getMessage());
        }
        return c;
    }

    DaemonConfig config() {
        List<String[]> options = new java.util.ArrayList<>();
        mode.ifPresent(v -> options.add(new String[] {"mode", v}));
        policy.ifPresent(v -> options.add(new String[] {"policy", v}));
        interval.ifPresent(v -> options.add(new String[] {"interval", v}));
        statusPort.ifPresent(v -> options.add(new String[] {"status-port", v.toString()}));
        audit.ifPresent(v -> options.add(new String[] {"audit", v.toString()}));
        if (!capacity.isEmpty()) {
            options.add(new String[] {"capacity", String.join(",", capacity.stream().map(Path::toString).toList())});
        }
        return config(spec.commandLine(), pool.simulate, configFile, options);
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
        Optional<Duration> limit = duration.map(d -> DaemonConfig.parseDuration(d)
                .filter(x -> !x.isZero()).orElseThrow(() -> PoolConnection.bad(spec.commandLine(), "--duration", "'" + d
                        + "' is not a duration above 0 (a number with ms, s, m or h, e.g. 60s)")));
        DaemonConfig config = config();
        PrintWriter out = spec.commandLine().getOut();
        long started = System.nanoTime();
        try (PoolConnection connection = PoolConnection.open(pool, spec.commandLine(), config, limit, out)) {
            if (!connection.simulated()) {
                out.println("balancing " + connection.client.endpoint() + " as " + pool.remote.user + " ("
                        + config.mode().name().toLowerCase(Locale.ROOT) + " mode, policy " + config.policy() + ")");
            }
            Optional<Duration> left = limit.map(d -> d.minusNanos(System.nanoTime() - started))
                    .map(d -> d.isNegative() ? Duration.ZERO : d);
            return runDaemon(config, connection, left, out);
        }
    }

    /** The lease holder's name: the configured one, or this machine and the audit file (stable across restarts). */
    static String holder(DaemonConfig config) {
        if (!config.leaseHolder().isEmpty()) {
            return config.leaseHolder();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        return "raypool-daemon@" + host + ":" + config.audit().toAbsolutePath().normalize();
    }

    private int runDaemon(DaemonConfig config, PoolConnection connection, Optional<Duration> limit, PrintWriter out)
            throws IOException, InterruptedException {
        var client = connection.client;
        BalancerDaemon.Ports ports = new BalancerDaemon.Ports(
                new XapiPoolReader(client, connection.simulated(),
                        (name, address) -> PoolConnection.memberTrust(config, name, address)),
                new XapiMigrationExecutor(client), new XapiHostPower(client), new XapiLeaseStore(client));
        try (BalancerDaemon daemon = new BalancerDaemon(config, ports, new AuditLog(config.audit()), holder(config))) {
            RoundLoop loop = new RoundLoop(daemon, config.interval());
            StatusServer status = null;
            if (config.statusPort() >= 0) {
                try {
                    status = StatusServer.start(config.statusPort(), daemon::status);
                } catch (IOException e) {
                    throw new DaemonConfig.ConfigException("status-port " + config.statusPort()
                            + ": cannot listen on 127.0.0.1: " + e.getMessage());
                }
                out.println("status:  http://127.0.0.1:" + status.port() + "/status");
            }
            out.println("audit:   " + config.audit().toAbsolutePath() + "  (" + config.mode().name().toLowerCase(Locale.ROOT)
                    + " mode, a round every " + config.interval().toMillis() / 1000.0 + " s"
                    + limit.map(d -> ", for " + d.toMillis() / 1000.0 + " s").orElse(", until SIGTERM") + ")");
            out.flush();
            Thread hook = new Thread(() -> {
                loop.stop();
                try {
                    // the round under way ends (however long its calls take), the audit says "stop",
                    // the lease is given back and the session logged out; only then may the JVM exit
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "balancer-daemon-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                daemon.recover();
                loop.run(limit);
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
                    + String.format(Locale.ROOT, "%.2f", median(decide)) + " ms");
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
}
