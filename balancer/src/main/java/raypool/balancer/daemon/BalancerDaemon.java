package raypool.balancer.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import raypool.balancer.check.CheckedPlanner;
import raypool.balancer.check.PlanChecker;
import raypool.balancer.model.HostState;
import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;
import raypool.balancer.policy.WlbPlanner;
import raypool.balancer.policy.WlbSettings;

/**
 * The balancing daemon. Each round: observe the migrations it started, read the pool, plan (the
 * planner is a pure function of the snapshot), then log the recommendations or, in automatic mode,
 * apply those whose source host has been recommended to shed load (at the same severity) for
 * {@code repeat-rounds} rounds in a row, within the concurrency limits and
 * cooldowns. Decisions and side effects are separate: the plan is data, the {@link MigrationExecutor}
 * acts, and every decision goes to the {@link AuditLog} with its reasons.
 *
 * <p>Restart safety: migrations it started and that had not ended are read back from the audit log and
 * observed rather than issued again; VMs the pool reports busy (an operation in progress) are never
 * chosen; VMs that moved within the cooldown (from the log) stay put.
 *
 * <p>Not thread-safe except {@link #status()} and {@link #stop()}: one thread runs the rounds.
 */
public final class BalancerDaemon implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DaemonConfig config;
    private final PoolReader reader;
    private final MigrationExecutor executor;
    private final AuditLog audit;
    private final Planner planner;
    private final WlbPlanner wlb;
    private final SnapshotBuilder builder = new SnapshotBuilder();

    private int round;
    private long poolTime = System.currentTimeMillis();
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();
    /** Tasks cancelled on timeout, polled until they end so that the executor can clean them up. */
    private final Set<String> cancelling = new java.util.LinkedHashSet<>();
    private final Map<String, Long> lastMovedMillis = new HashMap<>();
    private final Map<String, Long> heldUntilMillis = new HashMap<>();
    private final Map<String, Integer> streaks = new HashMap<>();
    private final Deque<Map<String, Object>> recent = new ArrayDeque<>();
    private final List<Double> decideMillis = new ArrayList<>();
    private volatile String status = "{}";
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    /** A migration this daemon started and has not seen end. */
    record InFlight(String task, String vm, String vmName, String from, String fromName, String to, String toName,
                    long startedMillis, String reason) {
    }

    public BalancerDaemon(DaemonConfig config, PoolReader reader, MigrationExecutor executor, AuditLog audit) {
        this.config = config;
        this.reader = reader;
        this.executor = executor;
        this.audit = audit;
        this.wlb = new WlbPlanner("wlb-" + config.optimisation().name().toLowerCase(Locale.ROOT),
                plannerSettings(config));
        this.planner = new CheckedPlanner(wlb);
    }

    /**
     * WLB's defaults with the daemon's limits. The planner's cooldown is one round: the daemon marks a
     * VM as "moved this round" while it is within its cooldown in pool time. Power management is off:
     * the daemon never powers hosts off or on.
     */
    static WlbSettings plannerSettings(DaemonConfig c) {
        WlbSettings.Mode mode = c.optimisation() == DaemonConfig.Optimisation.DENSITY
                ? WlbSettings.Mode.DENSITY : WlbSettings.Mode.PERFORMANCE;
        WlbSettings d = WlbSettings.defaults(mode);
        return new WlbSettings(mode, c.cpuCritical(), d.freeMemoryCriticalMb(), d.cpuWeight(), d.memoryWeight(),
                d.recentSamples(), d.longSamples(), d.recentWeight(), d.repeatRounds(), 1, c.maxPerRound(),
                c.maxPerHost(), d.benefitCostRatio(), d.migrationCostWh(), d.horizonHours(), d.newVmCpuShare(),
                d.packTarget(), d.consolidateBelow(), false);
    }

    public DaemonConfig config() {
        return config;
    }

    public int round() {
        return round;
    }

    /** Milliseconds each round spent deciding (snapshot, plan, selection; no network), in order. */
    public synchronized List<Double> decideMillis() {
        return List.copyOf(decideMillis);
    }

    /** The status endpoint's JSON: hosts, loads, recommendations, migrations in flight and recent ones. */
    public String status() {
        return status;
    }

    /** Asks {@link #run} to return after the round under way. Safe from any thread (a shutdown hook). */
    public void stop() {
        stopRequested.countDown();
    }

    // ------------------------------------------------------------------------------------- start and loop

    /** Reads back, from the audit log, migrations started and not ended, and when VMs last moved. */
    public void recover() {
        Map<String, JsonNode> open = new LinkedHashMap<>();
        for (JsonNode line : AuditLog.readAll(audit.file())) {
            String event = line.path("event").asText();
            String task = line.path("task").asText("");
            switch (event) {
                case "migration-started" -> open.put(task, line);
                case "migration-done" -> {
                    open.remove(task);
                    lastMovedMillis.put(line.path("vmKey").asText(), Instant.parse(line.path("poolTime").asText())
                            .toEpochMilli());
                }
                case "migration-failed", "migration-cancelled", "migration-lost" -> open.remove(task);
                default -> { }
            }
        }
        for (JsonNode l : open.values()) {
            InFlight f = new InFlight(l.path("task").asText(), l.path("vmKey").asText(), l.path("vm").asText(),
                    l.path("fromKey").asText(), l.path("from").asText(), l.path("toKey").asText(), l.path("to").asText(),
                    Instant.parse(l.path("poolTime").asText()).toEpochMilli(), l.path("reason").asText());
            inFlight.put(f.vm(), f);
        }
        audit.write(poolTime, round, "recovered", "inFlight", inFlight.size(), "vmsInCooldownCandidates",
                lastMovedMillis.size(), "from", audit.file().toString(),
                "detail", inFlight.isEmpty() ? "no migration was left in flight"
                        : "observing " + inFlight.size() + " migration(s) started before the restart; none is issued again");
    }

    /** Rounds every {@code interval} until {@code duration} passes (null: until stopped). */
    public void run(Duration duration) throws InterruptedException {
        long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        audit.write(poolTime, round, "start", "mode", config.mode().name().toLowerCase(Locale.ROOT),
                "optimisation", config.optimisation().name().toLowerCase(Locale.ROOT),
                "interval", config.interval().toString(), "repeatRounds", config.repeatRounds(),
                "cooldown", config.cooldown().toString(), "maxConcurrent", config.maxConcurrent(),
                "maxPerRound", config.maxPerRound(), "duration", duration == null ? "until stopped" : duration.toString());
        String why = "stopped";
        while (true) {
            runRound();
            long left = end - System.nanoTime();
            if (left <= 0) {
                why = "duration reached";
                break;
            }
            if (stopRequested.await(Math.min(left, config.interval().toNanos()), TimeUnit.NANOSECONDS)) {
                break;
            }
            if (end - System.nanoTime() <= 0) {
                why = "duration reached";
                break;
            }
        }
        audit.write(poolTime, round, "stop", "reason", why, "inFlight", inFlight.size(),
                "detail", inFlight.isEmpty() ? "nothing in flight"
                        : "migrations still in flight are left to the pool; a restart observes them from this log");
    }

    // ------------------------------------------------------------------------------------- one round

    /** One round; never throws for a pool that misbehaves (the audit log says what happened). */
    public void runRound() {
        round++;
        try {
            PoolState state;
            try {
                state = reader.read();
            } catch (PoolUnavailableException e) {
                audit.write(poolTime, round, "round-failed", "stage", "read", "error", e.getMessage(),
                        "detail", "the pool could not be read; next round tries again");
                observeInFlight();
                return;
            }
            poolTime = state.timeMillis();
            for (String note : state.notes()) {
                audit.write(poolTime, round, "pool", "detail", note);
            }
            // after the read, so that a migration seen ending now is already in its cooldown when planning
            observeInFlight();
            decideAndAct(state);
        } catch (RuntimeException e) {
            audit.write(poolTime, round, "round-failed", "stage", "round", "error", String.valueOf(e),
                    "detail", "unexpected failure; the daemon keeps running");
        }
    }

    private void observeInFlight() {
        for (String task : List.copyOf(cancelling)) {
            try {
                if (!(executor.poll(task) instanceof MigrationExecutor.Pending)) {
                    cancelling.remove(task);
                }
            } catch (PoolUnavailableException e) {
                // tried again next round
            }
        }
        for (InFlight f : List.copyOf(inFlight.values())) {
            MigrationExecutor.TaskStatus s;
            try {
                s = executor.poll(f.task());
            } catch (PoolUnavailableException e) {
                audit.write(poolTime, round, "round-failed", "stage", "observe", "task", f.task(), "error",
                        e.getMessage(), "detail", "could not read the migration's task; it stays in flight");
                continue;
            }
            switch (s) {
                case MigrationExecutor.Pending p -> {
                    if (poolTime - f.startedMillis() > config.migrationTimeout().toMillis()) {
                        try {
                            executor.cancel(f.task());
                        } catch (RuntimeException e) {
                            // the next poll reports whatever the task became
                        }
                        audit.write(poolTime, round, "migration-cancelled", fields(f, "detail",
                                "running longer than migration-timeout " + config.migrationTimeout()
                                        + "; the VM is left alone for " + config.failureHold()));
                        inFlight.remove(f.vm());
                        cancelling.add(f.task());
                        heldUntilMillis.put(f.vm(), poolTime + config.failureHold().toMillis());
                    }
                }
                case MigrationExecutor.Succeeded ok -> {
                    inFlight.remove(f.vm());
                    lastMovedMillis.put(f.vm(), poolTime);
                    Map<String, Object> done = new LinkedHashMap<>();
                    done.put("poolTime", Instant.ofEpochMilli(poolTime).toString());
                    done.put("vm", f.vmName());
                    done.put("from", f.fromName());
                    done.put("to", f.toName());
                    done.put("reason", f.reason());
                    done.put("seenDoneAfterSeconds", (poolTime - f.startedMillis()) / 1000.0);
                    synchronized (this) {
                        recent.addFirst(done);
                        while (recent.size() > config.recentMigrations()) {
                            recent.removeLast();
                        }
                    }
                    audit.write(poolTime, round, "migration-done", fields(f, "seenDoneAfterSeconds",
                            (poolTime - f.startedMillis()) / 1000.0));
                }
                case MigrationExecutor.Failed failed -> {
                    inFlight.remove(f.vm());
                    heldUntilMillis.put(f.vm(), poolTime + config.failureHold().toMillis());
                    audit.write(poolTime, round, "migration-failed", fields(f, "code", failed.code(), "detail",
                            failed.detail() + "; the VM is left alone for " + config.failureHold()));
                }
                case MigrationExecutor.Gone gone -> {
                    inFlight.remove(f.vm());
                    lastMovedMillis.put(f.vm(), poolTime);
                    audit.write(poolTime, round, "migration-lost", fields(f, "detail",
                            "the pool no longer knows the task; where the VM runs is read again this round, "
                                    + "and it counts as moved for its cooldown"));
                }
            }
        }
    }

    private static Object[] fields(InFlight f, Object... more) {
        List<Object> out = new ArrayList<>(List.of("vm", f.vmName(), "vmKey", f.vm(), "from", f.fromName(),
                "fromKey", f.from(), "to", f.toName(), "toKey", f.to(), "task", f.task(), "reason", f.reason()));
        out.addAll(List.of(more));
        return out.toArray();
    }

    /** A planned migration the daemon chose to start this round. */
    private record Chosen(Action.Migrate action, String vm, String vmName, String from, String fromName, String to,
                          String toName) {
    }

    private void decideAndAct(PoolState state) {
        long t0 = System.nanoTime();
        long now = state.timeMillis();
        heldUntilMillis.values().removeIf(until -> until <= now);
        Set<String> busy = new HashSet<>(inFlight.keySet());
        for (PoolState.Vm vm : state.vms()) {
            if (vm.operation().isPresent()) {
                busy.add(vm.key());
            }
        }
        Map<String, Integer> lastMovedRound = new HashMap<>();
        for (var e : lastMovedMillis.entrySet()) {
            if (now - e.getValue() < config.cooldown().toMillis()) {
                lastMovedRound.put(e.getKey(), round);
            }
        }
        Map<String, String> targets = new HashMap<>();
        inFlight.values().forEach(f -> targets.put(f.vm(), f.to()));
        SnapshotBuilder.Built built = builder.build(state, round, lastMovedRound, heldUntilMillis.keySet(), targets);
        Snapshot s = built.snapshot();
        Plan plan;
        try {
            plan = planner.optimize(s);
        } catch (CheckedPlanner.PlanRejectedException e) {
            audit.write(now, round, "plan-rejected", "error", e.getMessage(),
                    "detail", "the checker refused the planner's plan; nothing is applied this round");
            return;
        }
        // recommendations, and how many rounds in a row each has held (by source host and severity)
        Map<String, Integer> nextStreaks = new HashMap<>();
        List<Map<String, Object>> recommendations = new ArrayList<>();
        List<Chosen> chosen = new ArrayList<>();
        List<Action> chosenActions = new ArrayList<>();
        int slots = config.maxConcurrent() - busy.size();
        List<Object[]> lines = new ArrayList<>();
        for (Action a : plan.actions()) {
            if (!(a instanceof Action.Migrate m)) {
                lines.add(new Object[] {"recommend-power", "action", a.toString(),
                        "detail", "power actions are never applied by the daemon"});
                continue;
            }
            PoolState.Vm vm = built.vms().get(m.vm());
            PoolState.Host from = built.hosts().get(m.from());
            PoolState.Host to = built.hosts().get(m.to());
            // the streak belongs to the source host: "relieve host X" must hold K rounds in a row; which
            // VM the planner picks to do it may change between rounds as loads move
            String key = from.key() + "|" + m.severity();
            int streak = streaks.getOrDefault(key, 0) + 1;
            nextStreaks.put(key, streak);
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("vm", vm.name());
            rec.put("from", from.name());
            rec.put("to", to.name());
            rec.put("reason", m.reason());
            rec.put("severity", m.severity().name());
            rec.put("streak", streak);
            rec.put("repeatRounds", config.repeatRounds());
            recommendations.add(rec);
            String decision;
            if (config.mode() == DaemonConfig.Mode.RECOMMEND) {
                decision = "recommend mode: not applied";
            } else if (streak < config.repeatRounds()) {
                decision = "waiting: seen " + streak + " of " + config.repeatRounds() + " rounds in a row";
            } else if (busy.contains(vm.key())) {
                decision = "skipped: the VM has an operation in progress";
            } else if (lastMovedMillis.containsKey(vm.key())
                    && now - lastMovedMillis.get(vm.key()) < config.cooldown().toMillis()) {
                decision = "skipped: moved " + (now - lastMovedMillis.get(vm.key())) / 1000 + " s ago, cooldown "
                        + config.cooldown();
            } else if (chosen.size() >= slots) {
                decision = "skipped: " + (config.maxConcurrent() - slots + chosen.size())
                        + " migration(s) in flight, max-concurrent " + config.maxConcurrent();
            } else if (chosen.size() >= config.maxPerRound()) {
                decision = "skipped: max-per-round " + config.maxPerRound() + " reached";
            } else if (s.hostState(m.to()) != HostState.ON || !to.live() || !to.enabled()) {
                decision = "skipped: destination is not live and enabled";
            } else {
                List<Action> trial = new ArrayList<>(chosenActions);
                trial.add(m);
                if (PlanChecker.check(s, new Plan(trial)) instanceof PlanChecker.Invalid invalid) {
                    decision = "skipped: without the moves not applied the plan breaks a rule: "
                            + invalid.violations().getFirst().message();
                } else {
                    chosenActions.add(m);
                    chosen.add(new Chosen(m, vm.key(), vm.name(), from.key(), from.name(), to.key(), to.name()));
                    decision = "apply";
                }
            }
            rec.put("decision", decision);
            lines.add(new Object[] {"recommend", "vm", vm.name(), "vmKey", vm.key(), "from", from.name(), "to",
                    to.name(), "reason", m.reason(), "severity", m.severity().name(), "streak", streak,
                    "decision", decision});
        }
        streaks.clear();
        streaks.putAll(nextStreaks);
        explainStuckEvacuations(built, plan, lines);
        explainUnrelievedHosts(built, plan, lines);
        double decide = (System.nanoTime() - t0) / 1e6;
        synchronized (this) {
            decideMillis.add(decide);
        }
        for (Object[] line : lines) {
            Object[] rest = java.util.Arrays.copyOfRange(line, 1, line.length);
            audit.write(now, round, (String) line[0], rest);
        }
        for (Chosen c : chosen) {
            if (!start(c, now)) {
                break;   // a later choice may have relied on this one; plan again next round
            }
        }
        audit.write(now, round, "round", "hosts", s.hostCount(), "vms", s.vmCount(), "recommendations",
                recommendations.size(), "started", chosen.size(), "inFlight", inFlight.size(),
                "decideMs", Math.round(decide * 1000) / 1000.0);
        publishStatus(built, recommendations);
    }

    /** A host in maintenance that still holds VMs and no move off it was planned: say which VM is stuck and why. */
    private void explainStuckEvacuations(SnapshotBuilder.Built built, Plan plan, List<Object[]> lines) {
        Snapshot s = built.snapshot();
        for (int h = 0; h < s.hostCount(); h++) {
            if (s.hostState(h) != HostState.MAINTENANCE || s.vmsOnHostCount(h) == 0) {
                continue;
            }
            final int host = h;
            boolean planned = plan.actions().stream().anyMatch(a -> a instanceof Action.Migrate m && m.from() == host);
            if (planned) {
                continue;
            }
            if (wlb.evacuation(s, h) instanceof WlbPlanner.Evacuation.Stuck stuck) {
                List<String> reasons = new ArrayList<>();
                for (var score : stuck.reasons()) {
                    reasons.add(built.hosts().get(score.host()).name() + ": " + score);
                }
                lines.add(new Object[] {"evacuation-stuck", "host", built.hosts().get(h).name(), "vm",
                        built.vms().get(stuck.vm()).name(), "hosts", reasons,
                        "detail", "the host is disabled (maintenance) but this VM fits on no other host"});
            }
        }
    }

    /**
     * A running host over the HIGH threshold that the plan does not relieve: said once per round, so that
     * the log explains why nothing moved (the planner's hysteresis has not yet seen it held, or no VM of
     * the host fits elsewhere below the thresholds, or its VMs are busy or cooling down).
     */
    private void explainUnrelievedHosts(SnapshotBuilder.Built built, Plan plan, List<Object[]> lines) {
        Snapshot s = built.snapshot();
        double high = plannerSettings(config).cpuHigh();
        for (int h = 0; h < s.hostCount(); h++) {
            final int host = h;
            if (s.hostState(h) != HostState.ON || s.hostUtilization(h) <= high
                    || plan.actions().stream().anyMatch(a -> a instanceof Action.Migrate m && m.from() == host)) {
                continue;
            }
            lines.add(new Object[] {"overload-unrelieved", "host", built.hosts().get(h).name(),
                    "cpu", Math.round(1000 * s.hostUtilization(h)) / 1000.0, "high", high,
                    "detail", "no move planned: the load has not held over HIGH for the planner's hysteresis, "
                            + "or none of its movable VMs fits another host below the thresholds"});
        }
    }

    private boolean start(Chosen c, long now) {
        String task;
        try {
            task = executor.start(c.vm(), c.to());
        } catch (MigrationRefusedException e) {
            heldUntilMillis.put(c.vm(), now + config.failureHold().toMillis());
            audit.write(now, round, "migration-refused", "vm", c.vmName(), "vmKey", c.vm(), "from", c.fromName(),
                    "to", c.toName(), "code", e.code(), "error", e.getMessage(),
                    "detail", "the pool refused; the VM is left alone for " + config.failureHold());
            return false;
        } catch (PoolUnavailableException e) {
            audit.write(now, round, "round-failed", "stage", "start", "vm", c.vmName(), "error", e.getMessage(),
                    "detail", "the pool did not answer; if the migration started, the next read shows the VM busy");
            heldUntilMillis.put(c.vm(), now + config.failureHold().toMillis());
            return false;
        }
        InFlight f = new InFlight(task, c.vm(), c.vmName(), c.from(), c.fromName(), c.to(), c.toName(), now,
                c.action().reason());
        inFlight.put(c.vm(), f);
        audit.write(now, round, "migration-started", fields(f, "severity", c.action().severity().name()));
        return true;
    }

    private void publishStatus(SnapshotBuilder.Built built, List<Map<String, Object>> recommendations) {
        Snapshot s = built.snapshot();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("round", round);
        root.put("poolTime", Instant.ofEpochMilli(built.state().timeMillis()).toString());
        root.put("mode", config.mode().name().toLowerCase(Locale.ROOT));
        root.put("optimisation", config.optimisation().name().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> hosts = new ArrayList<>();
        for (int h = 0; h < s.hostCount(); h++) {
            PoolState.Host host = built.hosts().get(h);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", host.name());
            m.put("state", s.hostState(h).name().toLowerCase(Locale.ROOT));
            m.put("threads", host.threads());
            m.put("cpu", Math.round(1000 * s.hostUtilization(h)) / 1000.0);
            m.put("memoryUsedMb", s.memoryUsedMb(h));
            m.put("memoryMb", s.host(h).ramMb());
            m.put("vms", s.vmsOnHostCount(h));
            hosts.add(m);
        }
        root.put("hosts", hosts);
        root.put("recommendations", recommendations);
        List<Map<String, Object>> flying = new ArrayList<>();
        for (InFlight f : inFlight.values()) {
            flying.add(Map.of("vm", f.vmName(), "from", f.fromName(), "to", f.toName(), "reason", f.reason(),
                    "started", Instant.ofEpochMilli(f.startedMillis()).toString()));
        }
        root.put("inFlight", flying);
        synchronized (this) {
            root.put("recentMigrations", List.copyOf(recent));
        }
        try {
            status = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (java.io.IOException e) {
            status = "{\"error\":\"status could not be rendered\"}";
        }
    }

    /** Keys of VMs with a migration this daemon started and has not seen end. */
    public Set<String> inFlightVms() {
        return Set.copyOf(inFlight.keySet());
    }

    @Override
    public void close() {
        audit.close();
    }
}
