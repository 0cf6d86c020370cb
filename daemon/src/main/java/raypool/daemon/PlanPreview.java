package raypool.daemon;

import raypool.daemon.capacity.CapacityFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import raypool.balancer.check.CheckedPlanner;
import raypool.balancer.plan.Plan;

/**
 * What the daemon would do with the pool as it is now, without doing it and without writing its
 * audit log: the same snapshot, planner and decider as a round, in automatic mode, with the repeat
 * count already met (a one-off plan has no earlier rounds), and the daemon's memory (cooldowns, holds,
 * migrations in flight) from its audit log when there is one.
 */
public final class PlanPreview {
    private PlanPreview() {
    }

    /**
     * @param notes       why the daemon would do nothing now (the pool's WLB, another daemon's lease, implausible metrics), if so
     * @param rejected    the checker's refusal of the plan, if it refused
     */
    public record Result(SnapshotBuilder.Built built, Plan plan, RoundDecider.Outcome outcome, List<String> notes,
                         Optional<String> rejected) {
    }

    public static Result of(DaemonConfig config, PoolState state, DaemonMemory memory, String holder) {
        List<String> notes = new ArrayList<>();
        if (state.pool().wlbEnabled()) {
            notes.add("the pool's own WLB is enabled (pool.wlb_enabled): the daemon would do nothing until it is off");
        }
        if (Lease.step(Optional.ofNullable(state.pool().otherConfig().get(Lease.KEY)), holder, state.timeMillis(),
                config.leaseTtl()) instanceof Lease.Wait wait) {
            notes.add("another daemon holds the lease (" + wait.held().holder() + " until " + wait.held().expires()
                    + "): this one would wait");
        }
        SnapshotBuilder.Built built = new SnapshotBuilder(config.zeroCpuSamples(),
                CapacityFiles.load(config.capacity())).build(state, 1, memory,
                config.cooldown(), PlacementRules.of(config));
        if (!built.implausible().isEmpty()) {
            notes.add("implausible metrics would stop the round: " + String.join("; ", built.implausible()));
        }
        RoundDecider.Settings s = RoundDecider.Settings.of(config);
        RoundDecider.Settings once = new RoundDecider.Settings(true, 1, s.cooldown(), s.maxConcurrent(),
                s.maxPerRound(), s.powerManagement(), s.density(), s.powerOnAbove(), s.powerOffBelow(), s.minHostsOn());
        Plan plan;
        try {
            plan = DaemonPlanner.checked(DaemonPlanner.policy(config)).optimize(built.snapshot());
        } catch (CheckedPlanner.PlanRejectedException e) {
            return new Result(built, Plan.EMPTY, RoundDecider.decide(Plan.EMPTY, built, memory, once), notes,
                    Optional.of(e.getMessage()));
        }
        return new Result(built, plan, RoundDecider.decide(plan, built, memory, once), notes, Optional.empty());
    }
}
