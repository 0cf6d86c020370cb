package raypool.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import raypool.balancer.check.PlanChecker;
import raypool.balancer.model.HostState;
import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Severity;

/**
 * The daemon's gate between a plan and the pool, as a pure function: (plan, pool as this round sees it,
 * the daemon's memory, settings) to a decision with its reason for every proposal, and the memory for
 * the next round. No I/O, no clock (time is the pool's, from the snapshot), no randomness: the same
 * inputs always give the same decisions, which is what the property tests rely on.
 *
 * <p>A migration is applied only in automatic mode, once the same move (this VM, from this host, to
 * that host) has been proposed {@code repeat-rounds} rounds in a row, when the VM is not busy, resting
 * ({@link DaemonMemory#resting}: in flight, cooling down, on hold) or excluded, when fewer than
 * {@code max-concurrent} migrations are in flight pool-wide and fewer than {@code max-per-round} were
 * chosen this round, when the destination is live, enabled, known and has the memory, and when the
 * moves chosen so far still pass the plan checker together. Power: a host is powered off only with
 * power management on and a density policy, never the master, only when the pool can power it on
 * again, when it is empty, after repeat-rounds, and when the running hosts stay under
 * {@code power-off-below} and at least {@code min-hosts-on} without it; a standby host is powered on
 * (at once) when the running hosts go over {@code power-on-above} CPU or lack memory for the largest VM,
 * or when the plan asks for it. At most one power action per round.
 */
public final class RoundDecider {
    private RoundDecider() {
    }

    /** The settings the decisions depend on. */
    public record Settings(boolean automatic, int repeatRounds, Duration cooldown, int maxConcurrent,
                           int maxPerRound, boolean powerManagement, boolean density, double powerOnAbove,
                           double powerOffBelow, int minHostsOn) {
        public static Settings of(DaemonConfig c) {
            return new Settings(c.mode() == DaemonConfig.Mode.AUTOMATIC, c.repeatRounds(), c.cooldown(),
                    c.maxConcurrent(), c.maxPerRound(), c.powerManagement(), c.density(), c.powerOnAbove(),
                    c.powerOffBelow(), c.minHostsOn());
        }
    }

    /** Something the daemon could do this round. */
    public sealed interface Proposal permits Migration, PowerOff, PowerOn {
        /** What the repeat count is kept by: the move itself, or the power action on the host. */
        String key();

        String reason();
    }

    public record Migration(int vm, int from, int to, String vmKey, String vmName, String fromKey, String fromName,
                            String toKey, String toName, String reason, Severity severity) implements Proposal {
        @Override
        public String key() {
            return "migrate " + vmKey + " " + fromKey + " " + toKey;
        }
    }

    public record PowerOff(int host, String hostKey, String hostName, String reason) implements Proposal {
        @Override
        public String key() {
            return DaemonMemory.POWER_OFF + " " + hostKey;
        }
    }

    public record PowerOn(int host, String hostKey, String hostName, String reason) implements Proposal {
        @Override
        public String key() {
            return DaemonMemory.POWER_ON + " " + hostKey;
        }
    }

    /** What was decided about a proposal. */
    public sealed interface Verdict permits Apply, Wait, Skip, RecommendOnly {
        /** The audit log's {@code decision} text. */
        String text();
    }

    public record Apply() implements Verdict {
        public String text() {
            return "apply";
        }
    }

    public record Wait(int seen, int needed) implements Verdict {
        public String text() {
            return "waiting: seen " + seen + " of " + needed + " rounds in a row";
        }
    }

    public record Skip(String why) implements Verdict {
        public String text() {
            return "skipped: " + why;
        }
    }

    public record RecommendOnly() implements Verdict {
        public String text() {
            return "recommend mode: not applied";
        }
    }

    public record Decision(Proposal proposal, int streak, Verdict verdict) {
        public boolean applied() {
            return verdict instanceof Apply;
        }
    }

    public record Outcome(List<Decision> decisions, DaemonMemory memory) {
        public List<Decision> applied() {
            return decisions.stream().filter(Decision::applied).toList();
        }
    }

    public static Outcome decide(Plan plan, SnapshotBuilder.Built built, DaemonMemory memory, Settings settings) {
        Snapshot s = built.snapshot();
        long now = built.state().timeMillis();
        List<Proposal> proposals = proposals(plan, built, memory, settings);
        // this round's count for each proposal, and what the next round starts from
        Map<String, Integer> counts = new HashMap<>();
        for (Proposal p : proposals) {
            counts.put(p.key(), memory.streaks().getOrDefault(p.key(), 0) + 1);
        }
        Map<String, Integer> streaks = new HashMap<>(counts);
        // migrations in flight pool-wide: ours, and any VM the pool shows busy (whoever started it)
        Set<String> busy = new HashSet<>(memory.inFlight().keySet());
        for (SnapshotBuilder.VmView v : built.vms()) {
            if (v.vm().operation().isPresent()) {
                busy.add(v.vm().key());
            }
        }
        List<Decision> decisions = new ArrayList<>();
        List<Action> chosen = new ArrayList<>();
        Set<String> chosenVms = new HashSet<>();
        Map<Integer, Long> reservedBytes = new HashMap<>();
        RoundSoFar round = new RoundSoFar(busy, chosen, chosenVms, reservedBytes);
        boolean powerActed = false;
        for (Proposal p : proposals) {
            int streak = counts.get(p.key());
            Verdict verdict = switch (p) {
                case Migration m -> migration(m, streak, built, memory, settings, round, now);
                case PowerOff off -> powerActed ? new Skip("one power action per round")
                        : powerOff(off, streak, built, memory, settings);
                case PowerOn on -> powerActed ? new Skip("one power action per round")
                        : powerOn(on, built, memory, settings);
            };
            if (verdict instanceof Apply) {
                switch (p) {
                    case Migration m -> {
                        chosen.add(new Action.Migrate(m.vm(), m.from(), m.to(), m.reason(), m.severity()));
                        chosenVms.add(m.vmKey());
                        reservedBytes.merge(m.to(), built.vms().get(m.vm()).vm().memoryBytes(), Long::sum);
                    }
                    case PowerOff off -> powerActed = true;
                    case PowerOn on -> powerActed = true;
                }
                streaks.remove(p.key());
            }
            decisions.add(new Decision(p, streak, verdict));
        }
        DaemonMemory next = memory.withStreaks(streaks).expire(now, settings.cooldown());
        return new Outcome(List.copyOf(decisions), next);
    }

    /** The plan's migrations and power actions, and a power-on of a standby host when the pool runs short. */
    private static List<Proposal> proposals(Plan plan, SnapshotBuilder.Built built, DaemonMemory memory,
                                            Settings settings) {
        List<Proposal> out = new ArrayList<>();
        Set<Integer> powerOnAsked = new HashSet<>();
        for (Action a : plan.actions()) {
            switch (a) {
                case Action.Migrate m -> {
                    if (m.vm() < 0 || m.vm() >= built.vms().size() || m.from() < 0 || m.to() < 0
                            || m.from() >= built.hosts().size() || m.to() >= built.hosts().size()) {
                        continue;   // not a move of this pool: nothing to decide
                    }
                    SnapshotBuilder.VmView vm = built.vms().get(m.vm());
                    PoolState.Host from = built.hosts().get(m.from()).host();
                    PoolState.Host to = built.hosts().get(m.to()).host();
                    out.add(new Migration(m.vm(), m.from(), m.to(), vm.vm().key(), vm.vm().name(), from.key(),
                            from.name(), to.key(), to.name(), m.reason(), m.severity()));
                }
                case Action.PowerOff off -> {
                    PoolState.Host h = built.hosts().get(off.host()).host();
                    out.add(new PowerOff(off.host(), h.key(), h.name(), off.reason()));
                }
                case Action.PowerOn on -> {
                    PoolState.Host h = built.hosts().get(on.host()).host();
                    if (powerOnAsked.add(on.host())) {
                        out.add(new PowerOn(on.host(), h.key(), h.name(), "the plan needs it: " + on.reason()));
                    }
                }
                case Action.Place place -> { }
            }
        }
        shortOfCapacity(built, settings).ifPresent(why -> standbyHost(built, memory).ifPresent(h -> {
            if (powerOnAsked.add(h)) {
                PoolState.Host host = built.hosts().get(h).host();
                out.add(new PowerOn(h, host.key(), host.name(), why));
            }
        }));
        return out;
    }

    /** Why the running hosts are short of capacity, if they are: CPU over power-on-above, or no room for the largest VM. */
    static Optional<String> shortOfCapacity(SnapshotBuilder.Built built, Settings settings) {
        Snapshot s = built.snapshot();
        double load = 0;
        double capacity = 0;
        long freeBytes = 0;
        long largest = 0;
        for (int h = 0; h < s.hostCount(); h++) {
            if (s.hostState(h) != HostState.ON) {
                continue;
            }
            load += s.demandOnHost(h);
            capacity += s.host(h).capacityMips();
            freeBytes = Math.max(freeBytes, built.hosts().get(h).host().freeMemoryBytes());
        }
        for (SnapshotBuilder.VmView v : built.vms()) {
            largest = Math.max(largest, v.vm().memoryBytes());
        }
        if (capacity > 0 && load / capacity > settings.powerOnAbove()) {
            return Optional.of("the running hosts are at %.0f %% CPU, above power-on-above %.0f %%"
                    .formatted(100 * load / capacity, 100 * settings.powerOnAbove()));
        }
        if (capacity > 0 && largest > 0 && freeBytes < largest) {
            return Optional.of("no running host has the memory of the largest VM (" + (largest >> 20) + " MiB)");
        }
        return Optional.empty();
    }

    /** A host this daemon powered off and the pool can power on again, first by name. */
    private static Optional<Integer> standbyHost(SnapshotBuilder.Built built, DaemonMemory memory) {
        Optional<Integer> best = Optional.empty();
        for (int h = 0; h < built.hosts().size(); h++) {
            if (built.snapshot().hostState(h) == HostState.OFF && (best.isEmpty()
                    || built.hosts().get(h).host().name().compareTo(built.hosts().get(best.get()).host().name()) < 0)) {
                best = Optional.of(h);
            }
        }
        return best;
    }

    /**
     * What this round has decided so far: VMs whose migrations are in flight, the actions chosen, their VMs,
     * and the memory they reserve on each destination host.
     */
    private record RoundSoFar(Set<String> busy, List<Action> chosen, Set<String> chosenVms,
                              Map<Integer, Long> reservedBytes) {
    }

    private static Verdict migration(Migration m, int streak, SnapshotBuilder.Built built, DaemonMemory memory,
                                     Settings settings, RoundSoFar round, long now) {
        if (!settings.automatic()) {
            return new RecommendOnly();
        }
        if (streak < settings.repeatRounds()) {
            return new Wait(streak, settings.repeatRounds());
        }
        SnapshotBuilder.VmView vm = built.vms().get(m.vm());
        if (!vm.vm().key().equals(m.vmKey()) || !vm.vm().hostKey().equals(m.fromKey())) {
            return new Skip("the VM is not on " + m.fromName());
        }
        if (round.chosenVms().contains(m.vmKey())) {
            return new Skip("the VM is already moving this round");
        }
        if (vm.vm().operation().isPresent()) {
            return new Skip("the VM has an operation in progress (" + vm.vm().operation().get() + ")");
        }
        Optional<String> resting = memory.resting(m.vmKey(), now, settings.cooldown());
        if (resting.isPresent()) {
            return new Skip(resting.get());
        }
        if (vm.unknown().isPresent()) {
            return new Skip("its metrics are unknown: " + vm.unknown().get());
        }
        if (vm.rule().excluded().isPresent()) {
            return new Skip("excluded from balancing by " + vm.rule().excluded().get());
        }
        SnapshotBuilder.HostView from = built.hosts().get(m.from());
        if (from.unknown().isPresent() || from.excluded().isPresent()) {
            return new Skip("the source host is left alone: " + from.unknown().or(from::excluded).orElseThrow());
        }
        int inFlight = round.busy().size() + round.chosen().size();
        if (inFlight >= settings.maxConcurrent()) {
            return new Skip(inFlight + " migration(s) in flight, max-concurrent " + settings.maxConcurrent());
        }
        if (round.chosen().size() >= settings.maxPerRound()) {
            return new Skip("max-per-round " + settings.maxPerRound() + " reached");
        }
        Optional<String> destination = destinationProblem(m, built);
        if (destination.isPresent()) {
            return new Skip(destination.get());
        }
        long free = built.hosts().get(m.to()).host().freeMemoryBytes() - round.reservedBytes().getOrDefault(m.to(), 0L);
        if (free < vm.vm().memoryBytes()) {
            return new Skip("destination " + m.toName() + " has " + Math.max(0, free) / (1 << 20) + " MiB free for the "
                    + vm.vm().memoryBytes() / (1 << 20) + " MiB of the VM");
        }
        List<Action> trial = new ArrayList<>(round.chosen());
        trial.add(new Action.Migrate(m.vm(), m.from(), m.to(), m.reason(), m.severity()));
        if (PlanChecker.check(built.snapshot(), new Plan(trial)) instanceof PlanChecker.Invalid invalid) {
            return new Skip("without the moves not applied the plan breaks a rule: "
                    + invalid.violations().getFirst().message());
        }
        return new Apply();
    }

    private static Optional<String> destinationProblem(Migration m, SnapshotBuilder.Built built) {
        SnapshotBuilder.HostView to = built.hosts().get(m.to());
        PoolState.Host host = to.host();
        if (to.daemonPhase().filter(p -> p == DaemonMemory.Phase.BOOTING).isPresent()) {
            return Optional.of("destination " + host.name() + " is being powered on; the move waits for it");
        }
        if (!host.live() || !host.enabled() || to.daemonPhase().isPresent()) {
            return Optional.of("destination " + host.name() + " is not live and enabled");
        }
        if (to.unknown().isPresent()) {
            return Optional.of("destination " + host.name() + " has unknown metrics: " + to.unknown().get());
        }
        if (to.excluded().isPresent()) {
            return Optional.of("destination " + host.name() + " is excluded by " + to.excluded().get());
        }
        if (built.snapshot().hostState(m.to()) != HostState.ON) {
            return Optional.of("destination " + host.name() + " is " + built.snapshot().hostState(m.to()));
        }
        return Optional.empty();
    }

    private static Verdict powerOff(PowerOff off, int streak, SnapshotBuilder.Built built, DaemonMemory memory,
                                    Settings settings) {
        if (!settings.automatic()) {
            return new RecommendOnly();
        }
        if (!settings.powerManagement()) {
            return new Skip("power-management is off");
        }
        if (!settings.density()) {
            return new Skip("hosts are powered off only under a density policy");
        }
        SnapshotBuilder.HostView view = built.hosts().get(off.host());
        PoolState.Host host = view.host();
        if (view.master()) {
            return new Skip("the pool master is never powered off");
        }
        if (host.powerOnMode().isEmpty()) {
            return new Skip("the pool could not power it on again (its power_on_mode is empty)");
        }
        if (!host.live() || !host.enabled() || view.daemonPhase().isPresent()) {
            return new Skip("it is not a running, enabled host");
        }
        if (view.unknown().isPresent() || view.excluded().isPresent()) {
            return new Skip("it is left alone: " + view.unknown().or(view::excluded).orElseThrow());
        }
        Snapshot s = built.snapshot();
        if (s.vmsOnHostCount(off.host()) > 0 || s.incomingRamMb(off.host()) > 0
                || memory.inFlight().values().stream().anyMatch(f -> f.to().equals(host.key())
                || f.from().equals(host.key()))) {
            return new Skip("it still has VMs, or migrations to or from it");
        }
        if (memory.powered().values().stream().anyMatch(p -> p.phase() != DaemonMemory.Phase.STANDBY)) {
            return new Skip("another power action is under way");
        }
        if (streak < settings.repeatRounds()) {
            return new Wait(streak, settings.repeatRounds());
        }
        double load = 0;
        double capacityWithout = 0;
        int running = 0;
        for (int h = 0; h < s.hostCount(); h++) {
            if (s.hostState(h) == HostState.ON) {
                load += s.demandOnHost(h);
                if (h != off.host()) {
                    capacityWithout += s.host(h).capacityMips();
                    running++;
                }
            }
        }
        if (running < settings.minHostsOn()) {
            return new Skip("it would leave " + running + " running host(s), min-hosts-on " + settings.minHostsOn());
        }
        if (capacityWithout <= 0 || load / capacityWithout >= settings.powerOffBelow()) {
            return new Skip("without it the running hosts would be at %.0f %% CPU, not below power-off-below %.0f %%"
                    .formatted(capacityWithout <= 0 ? 100 : 100 * load / capacityWithout,
                            100 * settings.powerOffBelow()));
        }
        return new Apply();
    }

    private static Verdict powerOn(PowerOn on, SnapshotBuilder.Built built, DaemonMemory memory, Settings settings) {
        if (!settings.automatic()) {
            return new RecommendOnly();
        }
        if (!settings.powerManagement()) {
            return new Skip("power-management is off");
        }
        SnapshotBuilder.HostView view = built.hosts().get(on.host());
        DaemonMemory.PoweredHost ours = memory.powered().get(view.host().key());
        if (ours == null || ours.phase() != DaemonMemory.Phase.STANDBY || view.host().live()) {
            return new Skip("only a standby host this daemon powered off is powered on by it");
        }
        if (view.host().powerOnMode().isEmpty()) {
            return new Skip("the pool cannot power it on (its power_on_mode is empty)");
        }
        if (memory.powered().values().stream().anyMatch(p -> p.phase() != DaemonMemory.Phase.STANDBY)) {
            return new Skip("another power action is under way");
        }
        return new Apply();
    }
}
