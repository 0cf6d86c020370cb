package raypool.balancer.check;

import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;

/**
 * Every plan a planner returns passes through the checker first. A plan that breaks a rule is a
 * planner bug, never something to execute, so it stops the run with the checker's findings.
 */
public final class CheckedPlanner implements Planner {
    private final Planner planner;

    public CheckedPlanner(Planner planner) {
        this.planner = planner;
    }

    @Override
    public String name() {
        return planner.name();
    }

    @Override
    public Plan place(Snapshot snapshot) {
        return checked(snapshot, planner.place(snapshot));
    }

    @Override
    public Plan optimize(Snapshot snapshot) {
        return checked(snapshot, planner.optimize(snapshot));
    }

    private Plan checked(Snapshot snapshot, Plan plan) {
        return switch (PlanChecker.check(snapshot, plan)) {
            case PlanChecker.Valid valid -> plan;
            case PlanChecker.Invalid invalid -> throw new PlanRejectedException(planner.name(), snapshot.step(),
                    invalid.violations());
        };
    }

    /** A planner produced a plan the checker refused. */
    public static final class PlanRejectedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        PlanRejectedException(String planner, int step, java.util.List<PlanChecker.Violation> violations) {
            super(planner + " at step " + step + " proposed an invalid plan: " + violations);
        }
    }
}
