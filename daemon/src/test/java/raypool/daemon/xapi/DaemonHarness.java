package raypool.daemon.xapi;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import raypool.daemon.BalancerDaemon;
import raypool.daemon.DaemonConfig;
import raypool.daemon.LeaseStore;
import raypool.daemon.MigrationExecutor;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.AuditLog;
import raypool.daemon.cli.SurgeWorkload;
import raypool.xapi.client.HostMetricsRecord;
import raypool.xapi.client.HostRecord;
import raypool.xapi.client.PoolApi;
import raypool.xapi.client.Ref;
import raypool.xapi.client.VmRecord;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiSettings;
import raypool.xapi.sim.Faults;
import raypool.xapi.sim.SimClock;
import raypool.xapi.sim.SimConfig;
import raypool.xapi.sim.SimPool;
import raypool.xapi.sim.SimServer;
import raypool.xapi.sim.TraceWorkload;

/**
 * The default simulated stand with the surge workload on a manual clock, served over HTTP on a free
 * port, and daemons on it. Every migration a daemon starts passes a checker first, which reads the
 * pool over its own XAPI session: the destination is live, enabled and has room; fewer migrations than
 * allowed are in flight; the VM has not been started within its cooldown.
 */
final class DaemonHarness implements AutoCloseable {
    static final String USER = "root";
    static final String PASSWORD = "s3cret-not-logged";
    static final Duration ROUND = Duration.ofMinutes(5);

    final SimClock.Manual clock = new SimClock.Manual(1_700_000_000_000L);
    final SimPool pool;
    final SimServer server;
    final XapiClient daemonClient;
    final XapiClient checkerClient;
    final List<String> violations = new ArrayList<>();
    final List<String> started = new ArrayList<>();
    private final Map<String, Long> lastStart = new HashMap<>();
    DaemonConfig config;

    DaemonHarness(Path audit, int maxConcurrent) {
        this(audit, maxConcurrent, 40);
    }

    DaemonHarness(Path audit, int maxConcurrent, int vms) {
        this(audit, maxConcurrent, SimConfig.defaultStand(USER, PASSWORD).withVms(vms));
    }

    DaemonHarness(Path audit, int maxConcurrent, SimConfig simConfig) {
        this(audit, maxConcurrent, simConfig, base -> new SurgeWorkload(base, 1_700_000_000_000L));
    }

    /** @param workload the load on top of the stand's synthetic traces (the surge by default) */
    DaemonHarness(Path audit, int maxConcurrent, SimConfig simConfig,
                  java.util.function.UnaryOperator<raypool.xapi.sim.Workload> workload) {
        pool = new SimPool(simConfig, clock, workload.apply(
                TraceWorkload.synthetic(simConfig.seed(), simConfig.vms(), clock.nowMillis())));
        try {
            server = SimServer.start(pool, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        XapiSettings settings = XapiSettings.of(server.url(), USER, PASSWORD).withTaskPoll(Duration.ofMillis(10))
                .withCallTimeout(Duration.ofSeconds(10));
        daemonClient = XapiClient.login(settings);
        checkerClient = XapiClient.login(settings);
        config = DaemonConfig.defaults().with("mode", "automatic").with("repeat-rounds", "1")
                .with("policy", "wlb-performance").with("zero-cpu-samples", "0")
                .with("max-concurrent", Integer.toString(maxConcurrent)).with("max-per-round", "2")
                .with("cooldown", "1h").with("failure-hold", "1h").with("status-port", "-1")
                .with("audit", audit.toString());
    }

    Faults faults() {
        return server.faults();
    }

    BalancerDaemon daemon() {
        return daemon(daemonClient, "daemon-under-test");
    }

    /** A daemon over its own session, with the lease in the pool (two of them contend for it). */
    BalancerDaemon daemon(XapiClient client, String holder) {
        BalancerDaemon.Ports ports = new BalancerDaemon.Ports(
                new XapiPoolReader(client, true, (name, address) -> new raypool.xapi.client.TlsPolicy.SystemTrust()),
                checking(new XapiMigrationExecutor(client)), new XapiHostPower(client), lease(client));
        BalancerDaemon d = new BalancerDaemon(config, ports, new AuditLog(config.audit()), holder);
        d.recover();
        return d;
    }

    LeaseStore lease(XapiClient client) {
        return new XapiLeaseStore(client);
    }

    XapiClient login() {
        return XapiClient.login(XapiSettings.of(server.url(), USER, PASSWORD).withTaskPoll(Duration.ofMillis(10))
                .withCallTimeout(Duration.ofSeconds(10)));
    }

    /** Moves the pool's clock one round on (in two steps, so that a finished copy also switches over). */
    void tick() {
        clock.advanceBy(ROUND.minusSeconds(1));
        pool.advance();
        clock.advanceBy(Duration.ofSeconds(1));
        pool.advance();
    }

    /** {@code rounds} rounds, the clock moving between them; checks the concurrency bound after each. */
    void run(BalancerDaemon d, int rounds) {
        for (int i = 0; i < rounds; i++) {
            tick();
            d.runRound();
            int inFlight = pool.migrationsInFlight();
            if (inFlight > config.maxConcurrent()) {
                violations.add("round " + d.round() + ": " + inFlight + " migrations in flight");
            }
        }
    }

    private MigrationExecutor checking(MigrationExecutor real) {
        return new MigrationExecutor() {
            @Override
            public String start(String vm, String host) {
                check(vm, host);
                started.add(vm);
                return real.start(vm, host);
            }

            @Override
            public TaskStatus poll(String task) {
                return real.poll(task);
            }

            @Override
            public void cancel(String task) {
                real.cancel(task);
            }
        };
    }

    private void check(String vm, String host) {
        PoolApi api = new PoolApi(checkerClient);
        HostRecord h = api.hosts().get(new Ref(host));
        HostMetricsRecord m = api.hostMetrics().get(h.metrics());
        VmRecord v = api.vms().get(new Ref(vm));
        if (!m.live()) {
            violations.add("migration of " + v.nameLabel() + " to offline host " + h.nameLabel());
        }
        if (!h.enabled()) {
            violations.add("migration of " + v.nameLabel() + " to disabled (maintenance) host " + h.nameLabel());
        }
        if (m.memoryFree() < v.memoryStaticMax()) {
            violations.add("migration of " + v.nameLabel() + " to full host " + h.nameLabel());
        }
        if (pool.migrationsInFlight() >= config.maxConcurrent()) {
            violations.add("migration of " + v.nameLabel() + " beyond max-concurrent " + config.maxConcurrent());
        }
        long now = clock.nowMillis();
        Long last = lastStart.put(vm, now);
        if (last != null && now - last < config.cooldown().toMillis()) {
            violations.add(v.nameLabel() + " started again " + (now - last) / 1000 + " s after its last migration");
        }
    }

    void assertNoViolations() {
        assertTrue(violations.isEmpty(), () -> "violations: " + violations);
    }

    static <T extends AuditEvent> List<T> events(Path audit, Class<T> kind) {
        return AuditLog.read(audit).of(kind);
    }

    static <T extends AuditEvent> Optional<T> first(Path audit, Class<T> kind) {
        return events(audit, kind).stream().findFirst();
    }

    /** The events that say a round did not go the usual way, for failure messages. */
    static List<AuditEvent> unusual(Path audit) {
        return AuditLog.read(audit).events().stream().filter(e -> e instanceof AuditEvent.RoundFailed
                || e instanceof AuditEvent.RoundSkipped || e instanceof AuditEvent.MetricsImplausible
                || e instanceof AuditEvent.MetricsUnknown || e instanceof AuditEvent.PlanRejected
                || e instanceof AuditEvent.LeaseWaiting).toList();
    }

    @Override
    public void close() {
        daemonClient.close();
        checkerClient.close();
        server.close();
    }
}
