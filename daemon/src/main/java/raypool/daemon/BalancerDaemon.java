package raypool.daemon;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import raypool.balancer.check.CheckedPlanner;
import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.capacity.CapacityFiles;
import raypool.daemon.audit.AuditLog;
import raypool.daemon.audit.Stamp;

/**
 * One balancing round after another, each: read the pool, follow what is in flight, take or renew the
 * lease, build the snapshot, check the metrics are plausible, plan, decide ({@link RoundDecider}, pure),
 * write every decision to the audit log, then act. The parts: {@link RestartRecovery} (memory from the
 * log at start), {@link MigrationTracker} (migrations and power actions in flight), {@link LeaseKeeper}
 * (one daemon per pool), {@link SnapshotBuilder} (the planner's view), {@link RoundDecider} (the
 * decisions), {@link DecisionExecutor} (the calls that carry them out), {@link RoundNarrator} (what the
 * log explains beyond them), {@link AuditLog} (typed events), {@link StatusJson} (the status endpoint);
 * {@link RoundLoop} runs the rounds.
 *
 * <p>Every change to the daemon's memory is an audit event written first and then applied, and every
 * call that changes the pool is preceded by its event (migration-requested, power-requested): no
 * migration starts without its record.
 *
 * <p>Not thread-safe except {@link #status()}: one thread runs the rounds.
 */
public final class BalancerDaemon implements AutoCloseable {
    /** What the daemon talks to: the pool, read and acted on. */
    public record Ports(PoolReader reader, MigrationExecutor executor, HostPower power, LeaseStore lease) {
        public static Ports of(PoolReader reader, MigrationExecutor executor) {
            return new Ports(reader, executor, HostPower.NONE, LeaseStore.NONE);
        }
    }

    /** How a round ended, for the loop's backoff. */
    public enum RoundOutcome { DONE, SKIPPED, FAILED }

    private final DaemonConfig config;
    private final Ports ports;
    private final AuditLog audit;
    private final String holder;
    private final Planner policy;
    private final Planner planner;
    private final RoundDecider.Settings settings;
    private final PlacementRules rules;
    private final SnapshotBuilder builder;
    private final MigrationTracker tracker;
    private final LeaseKeeper lease;
    private final RoundNarrator narrator = new RoundNarrator();
    private final DecisionExecutor actions;

    private int round;
    private long poolTime = System.currentTimeMillis();
    private long previousPoolTime = -1;
    private DaemonMemory memory = DaemonMemory.EMPTY;
    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();
    private final List<Double> decideMillis = new ArrayList<>();
    private volatile String status = "{}";

    public BalancerDaemon(DaemonConfig config, Ports ports, AuditLog audit, String holder) {
        this.config = config;
        this.ports = ports;
        this.audit = audit;
        this.holder = holder;
        this.policy = DaemonPlanner.policy(config);
        this.planner = DaemonPlanner.checked(policy);
        this.settings = RoundDecider.Settings.of(config);
        this.rules = PlacementRules.of(config);
        this.builder = new SnapshotBuilder(config.zeroCpuSamples(), CapacityFiles.load(config.capacity()));
        this.tracker = new MigrationTracker(ports.executor(), ports.power(), config.migrationTimeout(),
                config.failureHold());
        this.lease = new LeaseKeeper(ports.lease(), holder, config.leaseTtl());
        this.actions = new DecisionExecutor(ports.executor(), ports.power(), config.failureHold());
    }

    public BalancerDaemon(DaemonConfig config, PoolReader reader, MigrationExecutor executor, AuditLog audit) {
        this(config, Ports.of(reader, executor), audit, "raypool-daemon");
    }

    public DaemonConfig config() {
        return config;
    }

    public int round() {
        return round;
    }

    public String holder() {
        return holder;
    }

    public DaemonMemory memory() {
        return memory;
    }

    /** Milliseconds each round spent deciding (snapshot, plan, decisions; no network), in order. */
    public synchronized List<Double> decideMillis() {
        return List.copyOf(decideMillis);
    }

    /** The status endpoint's JSON. Safe from any thread. */
    public String status() {
        return status;
    }

    /** Keys of VMs with a migration this daemon started and has not seen end. */
    public Set<String> inFlightVms() {
        return Set.copyOf(memory.inFlight().keySet());
    }

    private Stamp stamp() {
        return Stamp.now(poolTime, round);
    }

    /** Writes the event, then applies it to the memory: the order every change follows. */
    private void record(AuditEvent event) {
        audit.write(event);
        memory = memory.apply(event);
        if (event instanceof AuditEvent.MigrationDone done) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("poolTime", done.poolTime().toString());
            m.put("vm", done.vm());
            m.put("from", done.from());
            m.put("to", done.to());
            m.put("reason", done.reason());
            m.put("seenDoneAfterSeconds", done.seenDoneAfterSeconds());
            synchronized (this) {
                recent.addFirst(m);
                while (recent.size() > config.recentMigrations()) {
                    recent.removeLast();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------- start and stop

    /** Rebuilds the memory from the audit log (call once, before the first round). */
    public void recover() {
        RestartRecovery.Recovered r = RestartRecovery.from(audit.file(), config.recentMigrations());
        memory = r.memory();
        for (AuditEvent.MigrationDone done : r.recent().reversed()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("poolTime", done.poolTime().toString());
            m.put("vm", done.vm());
            m.put("from", done.from());
            m.put("to", done.to());
            m.put("reason", done.reason());
            m.put("seenDoneAfterSeconds", done.seenDoneAfterSeconds());
            recent.addFirst(m);
        }
        Stamp at = stamp();
        int cooling = (int) memory.lastMoved().keySet().stream()
                .filter(vm -> memory.resting(vm, poolTime, config.cooldown()).isPresent()).count();
        long standby = memory.powered().values().stream().filter(p -> p.phase() == DaemonMemory.Phase.STANDBY).count();
        audit.write(new AuditEvent.Recovered(at.time(), at.poolTime(), at.round(), audit.file().toString(), r.lines(),
                r.unreadable(), memory.inFlight().size(), cooling, memory.heldUntil().size(), (int) standby,
                memory.inFlight().isEmpty() ? "no migration was left in flight"
                        : "observing " + memory.inFlight().size()
                        + " migration(s) started before the restart; none is issued again"));
    }

    /** The {@code start} line. */
    public void started(Optional<Duration> duration) {
        Stamp at = stamp();
        audit.write(new AuditEvent.Start(at.time(), at.poolTime(), at.round(),
                config.mode().name().toLowerCase(Locale.ROOT), config.policy(), config.interval().toString(),
                config.repeatRounds(), config.cooldown().toString(), config.maxConcurrent(), config.maxPerRound(),
                config.powerManagement(), holder, duration.map(Duration::toString).orElse("until stopped")));
    }

    /** The {@code stop} line; the lease, if held, is given back. */
    public void stopped(String why) {
        lease.release(stamp(), audit::write);
        Stamp at = stamp();
        audit.write(new AuditEvent.Stop(at.time(), at.poolTime(), at.round(), why, memory.inFlight().size(),
                memory.inFlight().isEmpty() ? "nothing in flight"
                        : "migrations still in flight are left to the pool; a restart observes them from this log"));
    }

    // ------------------------------------------------------------------------------------- one round

    /** One round; never throws for a pool that misbehaves (the audit log says what happened). */
    public RoundOutcome runRound() {
        round++;
        try {
            PoolState state;
            try {
                state = ports.reader().read();
            } catch (PoolUnavailableException e) {
                Stamp at = stamp();
                record(new AuditEvent.RoundFailed(at.time(), at.poolTime(), at.round(), "read", e.getMessage(),
                        "the pool could not be read; the next round tries again"));
                tracker.observeMigrations(() -> memory, stamp(), this::record);
                return RoundOutcome.FAILED;
            }
            previousPoolTime = previousPoolTime < 0 ? state.timeMillis() : poolTime;
            poolTime = state.timeMillis();
            Stamp at = stamp();
            for (String note : state.notes()) {
                record(new AuditEvent.PoolNote(at.time(), at.poolTime(), at.round(), note));
            }
            // after the read, so that a migration seen ending now is already resting when planning
            tracker.observeMigrations(() -> memory, at, this::record);
            tracker.observePower(memory, state, at, this::record);
            if (state.pool().wlbEnabled()) {
                record(new AuditEvent.RoundSkipped(at.time(), at.poolTime(), at.round(), "wlb-enabled",
                        "the pool's own Workload Balancing is enabled (pool.wlb_enabled): two balancers would fight, "
                                + "so this daemon does nothing until it is disabled"));
                publish(Optional.empty(), List.of(), "waiting: the pool's WLB is enabled");
                return RoundOutcome.SKIPPED;
            }
            if (settings.automatic() && lease.needed()) {
                Optional<String> waiting = lease.step(state, poolTime, previousPoolTime, at, this::record);
                if (waiting.isPresent()) {
                    publish(Optional.empty(), List.of(), waiting.get());
                    return RoundOutcome.SKIPPED;
                }
            }
            return plan(state, at);
        } catch (RuntimeException e) {
            Stamp at = stamp();
            audit.write(new AuditEvent.RoundFailed(at.time(), at.poolTime(), at.round(), "round", String.valueOf(e),
                    "unexpected failure; the daemon keeps running"));
            return RoundOutcome.FAILED;
        }
    }

    private RoundOutcome plan(PoolState state, Stamp at) {
        long t0 = System.nanoTime();
        SnapshotBuilder.Built built = builder.build(state, round, memory, config.cooldown(), rules);
        narrator.announce(built, at, this::record);
        if (!built.implausible().isEmpty()) {
            record(new AuditEvent.MetricsImplausible(at.time(), at.poolTime(), at.round(), built.implausible(),
                    "metrics no real pool reports: nothing is planned or done this round, so that a misread "
                            + "never moves a VM"));
            publish(Optional.of(built), List.of(), "round stopped: implausible metrics");
            return RoundOutcome.SKIPPED;
        }
        Snapshot s = built.snapshot();
        Plan plan;
        try {
            plan = planner.optimize(s);
        } catch (CheckedPlanner.PlanRejectedException e) {
            record(new AuditEvent.PlanRejected(at.time(), at.poolTime(), at.round(), e.getMessage(),
                    "the checker refused the planner's plan; nothing is applied this round"));
            return RoundOutcome.FAILED;
        }
        RoundDecider.Outcome outcome = RoundDecider.decide(plan, built, memory, settings);
        memory = outcome.memory();
        double decide = (System.nanoTime() - t0) / 1e6;
        synchronized (this) {
            decideMillis.add(decide);
        }
        for (RoundDecider.Decision d : outcome.decisions()) {
            record(switch (d.proposal()) {
                case RoundDecider.Migration m -> new AuditEvent.Recommend(at.time(), at.poolTime(), at.round(),
                        m.vmName(), m.vmKey(), m.fromName(), m.fromKey(), m.toName(), m.toKey(), m.reason(),
                        m.severity().name(), d.streak(), d.verdict().text());
                case RoundDecider.PowerOff off -> new AuditEvent.RecommendPower(at.time(), at.poolTime(), at.round(),
                        DaemonMemory.POWER_OFF, off.hostName(), off.hostKey(), off.reason(), d.streak(),
                        d.verdict().text());
                case RoundDecider.PowerOn on -> new AuditEvent.RecommendPower(at.time(), at.poolTime(), at.round(),
                        DaemonMemory.POWER_ON, on.hostName(), on.hostKey(), on.reason(), d.streak(),
                        d.verdict().text());
            });
        }
        narrator.explainStuckEvacuations(built, plan, policy, at, this::record);
        narrator.explainUnrelievedHosts(built, plan, DaemonPlanner.wlbSettings(config).cpuHigh(), at, this::record);
        int started = actions.act(outcome.applied(), this::stamp, this::record);
        record(new AuditEvent.Round(at.time(), at.poolTime(), at.round(), s.hostCount(), s.vmCount(),
                outcome.decisions().size(), started, memory.inFlight().size(), Math.round(decide * 1000) / 1000.0));
        publish(Optional.of(built), outcome.decisions(), settings.automatic() ? "balancing" : "recommending");
        return RoundOutcome.DONE;
    }

    private void publish(Optional<SnapshotBuilder.Built> built, List<RoundDecider.Decision> decisions, String state) {
        List<Map<String, Object>> recentCopy;
        synchronized (this) {
            recentCopy = List.copyOf(recent);
        }
        status = StatusJson.render(new StatusJson.View(round, config, built, decisions, memory, recentCopy, state));
    }

    @Override
    public void close() {
        audit.close();
    }
}
