package raypool.daemon;

import raypool.balancer.check.CheckedPlanner;
import raypool.balancer.plan.Planner;
import raypool.balancer.policy.Policies;
import raypool.balancer.policy.WlbPlanner;
import raypool.balancer.policy.WlbSettings;

/** The planner a daemon runs: any of the balancer's policies, every plan re-checked by the checker. */
public final class DaemonPlanner {
    private DaemonPlanner() {
    }

    /** The policy, unchecked: the daemon asks a WLB planner to explain stuck evacuations too. */
    public static Planner policy(DaemonConfig c) {
        if (c.policy().startsWith("wlb-")) {
            return new WlbPlanner(c.policy(), wlbSettings(c));
        }
        return Policies.create(c.policy());
    }

    public static Planner checked(Planner policy) {
        return new CheckedPlanner(policy);
    }

    /**
     * WLB's defaults with the daemon's limits. The planner's cooldown is one round: the daemon marks a
     * VM resting (cooling down, on hold, in flight) as "moved this round", the rule being the daemon's
     * ({@link DaemonMemory#resting}). The windows are WLB's, in 5-minute windows of pool time
     * ({@link CpuHistory}). Hosts are powered off only with power management on.
     */
    public static WlbSettings wlbSettings(DaemonConfig c) {
        WlbSettings.Mode mode = c.density() ? WlbSettings.Mode.DENSITY : WlbSettings.Mode.PERFORMANCE;
        WlbSettings d = WlbSettings.defaults(mode);
        return new WlbSettings(mode, c.cpuCritical(), d.freeMemoryCriticalMb(), d.cpuWeight(), d.memoryWeight(),
                d.recentSamples(), d.longSamples(), d.recentWeight(), d.repeatRounds(), 1, c.maxPerRound(),
                c.maxPerHost(), d.benefitCostRatio(), d.migrationCostWh(), d.horizonHours(), d.newVmCpuShare(),
                d.packTarget(), d.consolidateBelow(), c.powerManagement() && c.density());
    }
}
