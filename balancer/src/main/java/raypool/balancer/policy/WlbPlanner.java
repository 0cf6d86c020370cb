package raypool.balancer.policy;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import raypool.balancer.model.HostState;
import raypool.balancer.model.MigrationLink;
import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;
import raypool.balancer.plan.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A Workload-Balancing-style planner (Citrix WLB's two optimisation modes), a pure function of the
 * snapshot. One round, in order:
 * <ol>
 *   <li>evacuate hosts in maintenance;</li>
 *   <li>relieve hosts over the CPU thresholds: CRITICAL at once, HIGH only when it held for
 *       {@code repeatRounds} samples (hysteresis), moving as few VMs as will do;</li>
 *   <li>in density mode, empty lightly loaded hosts whose VMs all fit elsewhere, when the power saved
 *       over the horizon outweighs what the migrations cost, and power off hosts left empty.</li>
 * </ol>
 * A VM that moved waits {@code cooldownSteps}; at most {@code maxPerRound} migrations start per round and
 * {@code maxPerHost} touch one host; excluded VMs and hosts are never touched.
 */
public final class WlbPlanner implements Planner {
    private final String name;
    private final WlbSettings st;

    public WlbPlanner(String name, WlbSettings settings) {
        this.name = name;
        this.st = settings;
    }

    @Override
    public String name() {
        return name;
    }

    public WlbSettings settings() {
        return st;
    }

    /** WLB's placement answer for a VM: every host's stars, with the reason for each zero. */
    public List<PlacementStars.HostScore> stars(Snapshot s, int vm) {
        return PlacementStars.all(new Pool(s, new LoadEstimates(s, st)), st, vm, false);
    }

    @Override
    public Plan place(Snapshot s) {
        Pool pool = new Pool(s, new LoadEstimates(s, st));
        IntArrayList pending = new IntArrayList();
        for (int v = 0; v < s.vmCount(); v++) {
            if (s.hostOf(v) < 0) {
                pending.add(v);
            }
        }
        // biggest first packs best: memory, then CPU peak
        int[] order = pending.toIntArray();
        Integer[] boxed = java.util.Arrays.stream(order).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(boxed, Comparator.<Integer>comparingInt(v -> -s.vm(v).ramMb())
                .thenComparingDouble(v -> -pool.est.peak(v)).thenComparingInt(v -> v));
        List<Action> actions = new ArrayList<>();
        for (int v : boxed) {
            Optional<PlacementStars.HostScore> best = PlacementStars.best(pool, st, v, false, null);
            if (best.isPresent()) {
                int h = best.get().host();
                if (pool.state[h] == HostState.OFF) {
                    pool.state[h] = HostState.BOOTING;
                }
                pool.place(v, h);
                actions.add(new Action.Place(v, h, "%.1f stars".formatted(best.get().stars())));
            }
        }
        return new Plan(actions);
    }

    @Override
    public Plan optimize(Snapshot s) {
        Pool pool = new Pool(s, new LoadEstimates(s, st));
        List<Action> actions = new ArrayList<>();
        Budget budget = new Budget(st.maxPerRound());
        evacuateMaintenance(pool, actions);
        relieveOverloads(pool, actions, budget);
        if (st.mode() == WlbSettings.Mode.DENSITY) {
            consolidate(pool, actions, budget);
        }
        if (st.powerManagement()) {
            powerOffEmpty(pool, actions);
        }
        return new Plan(actions);
    }

    /** Migrations left this round. */
    private static final class Budget {
        int left;

        Budget(int left) {
            this.left = left;
        }
    }

    private boolean movable(Pool pool, int v, boolean ignoreCooldown) {
        Snapshot s = pool.s;
        return !s.vm(v).excluded() && !s.isMigrating(v) && !pool.moved[v]
                && (ignoreCooldown || s.step() - s.lastMovedStep(v) >= st.cooldownSteps());
    }

    /** Every VM leaves a host in maintenance, whatever the cooldown or the round's budget. */
    private void evacuateMaintenance(Pool pool, List<Action> actions) {
        Snapshot s = pool.s;
        for (int h = 0; h < s.hostCount(); h++) {
            if (s.hostState(h) == HostState.MAINTENANCE) {
                evacuate(pool, h, actions);
            }
        }
    }

    /** What became of a request to empty a host for maintenance. */
    public sealed interface Evacuation permits Evacuation.Planned, Evacuation.Stuck {
        record Planned(Plan plan) implements Evacuation {
        }

        /** Some VM has nowhere to go; every host's reason is listed. */
        record Stuck(int vm, List<PlacementStars.HostScore> reasons) implements Evacuation {
        }
    }

    /** The evacuation plan for putting a host into maintenance: all its VMs, or a reason why not. */
    public Evacuation evacuation(Snapshot s, int host) {
        Pool pool = new Pool(s, new LoadEstimates(s, st));
        pool.state[host] = HostState.MAINTENANCE;
        List<Action> actions = new ArrayList<>();
        Optional<Integer> stuck = evacuate(pool, host, actions);
        if (stuck.isPresent()) {
            return new Evacuation.Stuck(stuck.get(), PlacementStars.all(pool, st, stuck.get(), true));
        }
        return new Evacuation.Planned(new Plan(actions));
    }

    private Optional<Integer> evacuate(Pool pool, int h, List<Action> actions) {
        Snapshot s = pool.s;
        for (int v : byPeakDescending(pool, h)) {
            // an excluded VM is never moved, not even off a host in maintenance: its administrator moves it
            if (s.isMigrating(v) || pool.moved[v] || s.vm(v).excluded()) {
                continue;
            }
            Optional<PlacementStars.HostScore> target = PlacementStars.best(pool, st, v, true, null);
            if (target.isEmpty()) {
                return Optional.of(v);
            }
            moveTo(pool, actions, v, target.get().host(), "host in maintenance", Severity.CRITICAL);
        }
        return Optional.empty();
    }

    private int[] byPeakDescending(Pool pool, int h) {
        Snapshot s = pool.s;
        Integer[] vms = new Integer[s.vmsOnHostCount(h)];
        for (int i = 0; i < vms.length; i++) {
            vms[i] = s.vmOnHost(h, i);
        }
        java.util.Arrays.sort(vms, Comparator.<Integer>comparingDouble(v -> -pool.est.peak(v)).thenComparingInt(v -> v));
        return java.util.Arrays.stream(vms).mapToInt(Integer::intValue).toArray();
    }

    private void moveTo(Pool pool, List<Action> actions, int v, int to, String reason, Severity severity) {
        if (pool.state[to] == HostState.OFF) {
            actions.add(new Action.PowerOn(to, "load needs another host"));
            pool.state[to] = HostState.BOOTING;
        }
        actions.add(new Action.Migrate(v, pool.position[v], to, reason, severity));
        pool.migrate(v, to);
    }

    /** Load the host's current VMs put on it i samples ago, as a share of its capacity. */
    private static double historicRatio(Snapshot s, int h, int i) {
        double sum = 0;
        for (int j = 0; j < s.vmsOnHostCount(h); j++) {
            int v = s.vmOnHost(h, j);
            if (s.historyLength(v) > i) {
                sum += Math.min(s.history(v, i) * s.vm(v).mips(), s.host(h).peMips());
            }
        }
        return sum / s.host(h).capacityMips();
    }

    private boolean heldAbove(Snapshot s, int h, double threshold) {
        for (int i = 0; i < st.repeatRounds(); i++) {
            if (historicRatio(s, h, i) <= threshold) {
                return false;
            }
        }
        return true;
    }

    private boolean heldBelow(Snapshot s, int h, double threshold) {
        for (int i = 0; i < st.repeatRounds(); i++) {
            if (historicRatio(s, h, i) >= threshold) {
                return false;
            }
        }
        return true;
    }

    private void relieveOverloads(Pool pool, List<Action> actions, Budget budget) {
        Snapshot s = pool.s;
        IntArrayList hot = new IntArrayList();
        for (int h = 0; h < s.hostCount(); h++) {
            if (s.hostState(h) == HostState.ON && s.vmsOnHostCount(h) > 0 && pool.cpuRatio(h) > st.cpuHigh()) {
                hot.add(h);
            }
        }
        hot.sort((a, b) -> Double.compare(pool.cpuRatio(b), pool.cpuRatio(a)));
        for (int h : hot) {
            boolean critical = pool.cpuRatio(h) > st.cpuCritical();
            if (!critical && !heldAbove(s, h, st.cpuHigh())) {
                continue;   // hysteresis: one noisy sample over HIGH is not yet a recommendation
            }
            Severity severity = critical ? Severity.CRITICAL : Severity.HIGH;
            double target = st.mode() == WlbSettings.Mode.DENSITY ? st.cpuHigh() * st.packTarget() : st.cpuMedium();
            while (budget.left > 0 && pool.touches[h] < st.maxPerHost() && pool.cpuRatio(h) > target) {
                double excess = pool.smoothedLoad[h] - target * s.host(h).capacityMips();
                int victim = -1;
                Optional<PlacementStars.HostScore> dest = Optional.empty();
                for (int candidate : victimsInPreferenceOrder(pool, h, excess)) {
                    dest = PlacementStars.best(pool, st, candidate, true, null);
                    if (dest.isPresent()) {
                        victim = candidate;
                        break;
                    }
                }
                if (victim < 0) {
                    break;      // no VM of this host fits anywhere: the audit says overload-unrelieved
                }
                moveTo(pool, actions, victim, dest.get().host(),
                        "CPU %.0f %% over the %s threshold".formatted(100 * pool.cpuRatio(h), severity), severity);
                budget.left--;
            }
        }
    }

    /**
     * The host's movable VMs, best victim first: those that alone remove the excess, smallest first
     * (fewest migrations), then the rest, biggest first; memory breaks ties (shorter migration). The
     * caller takes the first that has somewhere to go, so a big VM that fits nowhere does not stop the
     * host from being relieved by a smaller one that fits.
     */
    private int[] victimsInPreferenceOrder(Pool pool, int h, double excess) {
        Snapshot s = pool.s;
        IntArrayList candidates = new IntArrayList();
        for (int i = 0; i < s.vmsOnHostCount(h); i++) {
            int v = s.vmOnHost(h, i);
            if (pool.position[v] == h && movable(pool, v, false)) {
                candidates.add(v);
            }
        }
        int n = candidates.size();
        int[] vm = candidates.toIntArray();
        double[] load = new double[n];
        int[] rank = new int[n];
        for (int i = 0; i < n; i++) {
            load[i] = pool.capped(vm[i], h, pool.est.smoothed(vm[i]));
            rank[i] = i;
        }
        it.unimi.dsi.fastutil.ints.IntArrays.quickSort(rank, (a, b) -> {
            boolean aEnough = load[a] >= excess, bEnough = load[b] >= excess;
            if (aEnough != bEnough) {
                return aEnough ? -1 : 1;
            }
            int byLoad = aEnough ? Double.compare(load[a], load[b]) : Double.compare(load[b], load[a]);
            return byLoad != 0 ? byLoad : Integer.compare(s.vm(vm[a]).ramMb(), s.vm(vm[b]).ramMb());
        });
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = vm[rank[i]];
        }
        return order;
    }

    /** Density mode: empty the least loaded hosts whose VMs all fit on other running hosts. */
    private void consolidate(Pool pool, List<Action> actions, Budget budget) {
        Snapshot s = pool.s;
        IntArrayList light = new IntArrayList();
        for (int h = 0; h < s.hostCount(); h++) {
            if (s.hostState(h) == HostState.ON && s.vmsOnHostCount(h) > 0 && pool.touches[h] == 0
                    && s.incomingRamMb(h) == 0 && pool.cpuRatio(h) < st.consolidateBelow()
                    && heldBelow(s, h, st.consolidateBelow())) {
                light.add(h);
            }
        }
        light.sort((a, b) -> Double.compare(pool.cpuRatio(a), pool.cpuRatio(b)));
        boolean[] notDestination = new boolean[s.hostCount()];
        for (int h = 0; h < s.hostCount(); h++) {
            if (pool.state[h] != HostState.ON || pool.idle[h]) {
                notDestination[h] = true;   // consolidation never powers a host on, nor keeps an empty one on
            }
        }
        IntArrayList powerOns = new IntArrayList();
        int failuresInARow = 0;
        for (int h : light) {
            if (failuresInARow >= MAX_FAILED_DRAINS) {
                break;      // the pool is as packed as it gets this round; trying every host costs time
            }
            if (pool.touches[h] > 0) {
                continue;   // it took VMs from a host emptied earlier this round
            }
            int[] vms = byPeakDescending(pool, h);
            if (vms.length > budget.left || vms.length > st.maxPerHost()) {
                continue;
            }
            boolean allMovable = true;
            for (int v : vms) {
                allMovable &= movable(pool, v, false) && pool.position[v] == h;
            }
            if (!allMovable || !worthEmptying(pool, h, vms)) {
                continue;
            }
            notDestination[h] = true;
            boolean[] excluded = withEfficientIdleHosts(pool, notDestination, h, vms);
            int done = 0;
            int[] targets = new int[vms.length];
            for (; done < vms.length; done++) {
                Optional<PlacementStars.HostScore> dest = PlacementStars.best(pool, st, vms[done], true, excluded);
                if (dest.isEmpty()) {
                    break;
                }
                targets[done] = dest.get().host();
                if (pool.state[targets[done]] == HostState.OFF) {
                    pool.state[targets[done]] = HostState.BOOTING;
                    powerOns.add(targets[done]);
                }
                pool.migrate(vms[done], targets[done]);
            }
            if (done < vms.length) {
                for (int i = done - 1; i >= 0; i--) {
                    pool.undo(vms[i], h);
                }
                for (int host : powerOns) {
                    pool.state[host] = HostState.OFF;
                }
                powerOns.clear();
                failuresInARow++;
                continue;
            }
            failuresInARow = 0;
            for (int host : powerOns) {
                actions.add(new Action.PowerOn(host, "a more efficient host for the VMs of host " + h));
            }
            powerOns.clear();
            for (int i = 0; i < vms.length; i++) {
                actions.add(new Action.Migrate(vms[i], h, targets[i],
                        "host at %.0f %% CPU: empty it and power it off".formatted(100 * pool.cpuRatio(h)), Severity.LOW));
                budget.left--;
            }
        }
    }

    /**
     * Consolidation does not normally fill empty hosts (that would only move the problem), except a
     * host that holds this host's kind of VMs markedly more cheaply: idle watts per VM slot, slots being
     * what the CPU limit (and memory, where enforced) admits. Under the reference's rules memory stops
     * mattering after creation, so VMs first packed by memory onto small hosts move to bigger ones.
     */
    private boolean[] withEfficientIdleHosts(Pool pool, boolean[] notDestination, int source, int[] vms) {
        Snapshot s = pool.s;
        double peak = 0;
        double ram = 0;
        for (int v : vms) {
            peak += pool.est.peak(v);
            ram += s.vm(v).ramMb();
        }
        double sourceCost = wattsPerSlot(pool, source, peak / vms.length, ram / vms.length);
        boolean[] excluded = notDestination.clone();
        for (int h = 0; h < s.hostCount(); h++) {
            boolean emptyKind = pool.idle[h] || pool.state[h] == HostState.OFF;
            if (emptyKind && h != source && s.hostState(h).acceptsVms()
                    && wattsPerSlot(pool, h, peak / vms.length, ram / vms.length) <= EFFICIENCY_GAIN * sourceCost) {
                excluded[h] = false;
            }
        }
        return excluded;
    }

    /** Consolidation stops for the round after this many hosts in a row could not be emptied. */
    private static final int MAX_FAILED_DRAINS = 10;

    /** An empty host is worth opening only if it is at least this much cheaper per VM slot. */
    private static final double EFFICIENCY_GAIN = 0.85;

    private double wattsPerSlot(Pool pool, int h, double peak, double ram) {
        var host = pool.host(h);
        double slots = st.cpuHigh() * st.packTarget() * host.capacityMips() / Math.max(peak, 1);
        if (pool.s.constraints().memoryEnforced()) {
            slots = Math.min(slots, host.ramMb() / Math.max(ram, 1));
        }
        return host.power().idleWatts() / Math.max(slots, 1e-9);
    }

    /**
     * Power saved while the host is off over the horizon, against what the migrations cost. A
     * migration's cost grows with its length, memory over the link's effective bandwidth: the VM runs
     * slowed and both hosts work for that long. {@code migrationCostWh} is the cost of a
     * {@value #REFERENCE_MIGRATION_SECONDS}-second migration.
     */
    private boolean worthEmptying(Pool pool, int h, int[] vms) {
        double savedWh = pool.host(h).power().idleWatts() * st.horizonHours();
        double costWh = 0;
        for (int v : vms) {
            // the destination is not chosen yet: price the move on this host's own link
            double seconds = MigrationLink.seconds(pool.s.vm(v).ramMb(), pool.host(h), pool.host(h));
            costWh += st.migrationCostWh() * seconds / REFERENCE_MIGRATION_SECONDS;
        }
        return savedWh >= st.benefitCostRatio() * costWh;
    }

    private static final double REFERENCE_MIGRATION_SECONDS = 20;

    private void powerOffEmpty(Pool pool, List<Action> actions) {
        Snapshot s = pool.s;
        for (int h = 0; h < s.hostCount(); h++) {
            if (s.hostState(h) == HostState.ON && s.vmsOnHostCount(h) == 0 && s.incomingRamMb(h) == 0
                    && pool.touches[h] == 0 && pool.memory[h] == 0) {
                actions.add(new Action.PowerOff(h, "empty: density mode powers it off"));
                pool.state[h] = HostState.OFF;
            }
        }
    }
}
