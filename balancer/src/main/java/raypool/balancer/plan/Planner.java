package raypool.balancer.plan;

import raypool.balancer.model.Snapshot;

/** A pure function from a snapshot to a plan: no side effects, no clocks, no I/O. */
public interface Planner {
    /** Where to start the VMs that are not placed yet (snapshot.hostOf(v) == -1). */
    Plan place(Snapshot snapshot);

    /** What to change now: migrations and power actions for the running pool. */
    Plan optimize(Snapshot snapshot);

    String name();
}
