package raypool.balancer.policy;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import raypool.balancer.model.HostState;
import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;
import raypool.balancer.plan.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * Xen Orchestra's load balancer in performance mode, as its documentation and source describe it: host CPU
 * and free memory only; load smoothed as 0.75 x the last sample + 0.25 x the last 30 minutes; a host
 * over 0.85 x the critical CPU sheds VMs to the least loaded host until it is under 0.65 x critical;
 * a VM waits 30 minutes after a move; at most 2 migrations at a time; anti-affinity tags respected.
 * New VMs go to the least loaded host with the memory for them.
 */
public final class XoPlanner implements Planner {
    private static final double CRITICAL = 0.90;
    private static final double TRIGGER = 0.85 * CRITICAL;
    private static final double STOP = 0.65 * CRITICAL;
    private static final int COOLDOWN_STEPS = 6;
    private static final int CONCURRENT = 2;
    private static final WlbSettings SMOOTHING = new WlbSettings(WlbSettings.Mode.PERFORMANCE, CRITICAL, 51, 1, 0,
            1, 6, 0.75, 1, COOLDOWN_STEPS, CONCURRENT, CONCURRENT, 0, 0, 1, 0.3, 1, 0, false);

    @Override
    public String name() {
        return "xo-performance";
    }

    @Override
    public Plan place(Snapshot s) {
        Pool pool = new Pool(s, new LoadEstimates(s, SMOOTHING));
        List<Action> actions = new ArrayList<>();
        for (int v = 0; v < s.vmCount(); v++) {
            if (s.hostOf(v) >= 0) {
                continue;
            }
            int best = leastLoaded(pool, v, -1, Double.MAX_VALUE);
            if (best >= 0) {
                pool.place(v, best);
                actions.add(new Action.Place(v, best, "least loaded host"));
            }
        }
        return new Plan(actions);
    }

    /** The host with the lowest smoothed CPU that has the memory and no anti-affinity conflict. */
    private static int leastLoaded(Pool pool, int v, int except, double maxRatioAfter) {
        Snapshot s = pool.s;
        int best = -1;
        double bestRatio = Double.MAX_VALUE;
        for (int h = 0; h < s.hostCount(); h++) {
            if (h == except || !pool.state[h].acceptsVms() || pool.state[h] == HostState.OFF && s.step() > 0
                    || pool.antiAffinityConflict(v, h)) {
                continue;
            }
            if (s.constraints().memoryEnforced() && pool.memory[h] + s.vm(v).ramMb() > s.host(h).ramMb()) {
                continue;
            }
            double after = (pool.smoothedLoad[h] + pool.capped(v, h, pool.est.smoothed(v))) / s.host(h).capacityMips();
            if (after <= maxRatioAfter && after < bestRatio) {
                bestRatio = after;
                best = h;
            }
        }
        return best;
    }

    @Override
    public Plan optimize(Snapshot s) {
        Pool pool = new Pool(s, new LoadEstimates(s, SMOOTHING));
        int running = 0;
        for (int v = 0; v < s.vmCount(); v++) {
            if (s.isMigrating(v)) {
                running++;
            }
        }
        List<Action> actions = new ArrayList<>();
        IntArrayList hot = new IntArrayList();
        for (int h = 0; h < s.hostCount(); h++) {
            if (s.vmsOnHostCount(h) > 0 && pool.cpuRatio(h) > TRIGGER) {
                hot.add(h);
            }
        }
        hot.sort((a, b) -> Double.compare(pool.cpuRatio(b), pool.cpuRatio(a)));
        for (int h : hot) {
            while (running < CONCURRENT && pool.cpuRatio(h) > STOP) {
                int victim = -1;
                for (int i = 0; i < s.vmsOnHostCount(h); i++) {
                    int v = s.vmOnHost(h, i);
                    boolean movable = pool.position[v] == h && !s.vm(v).excluded() && !s.isMigrating(v)
                            && s.step() - s.lastMovedStep(v) >= COOLDOWN_STEPS;
                    if (movable && (victim < 0 || pool.est.smoothed(v) > pool.est.smoothed(victim))) {
                        victim = v;
                    }
                }
                if (victim < 0) {
                    break;
                }
                int to = leastLoaded(pool, victim, h, STOP);
                if (to < 0) {
                    break;
                }
                actions.add(new Action.Migrate(victim, h, to, "CPU over 0.85 x critical", Severity.HIGH));
                pool.migrate(victim, to);
                running++;
            }
        }
        return new Plan(actions);
    }
}
