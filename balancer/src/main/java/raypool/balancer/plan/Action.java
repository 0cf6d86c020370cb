package raypool.balancer.plan;

/** One step of a plan. Plans are data: the planner decides, an executor acts. */
public sealed interface Action permits Action.Migrate, Action.Place, Action.PowerOn, Action.PowerOff {

    /** Live-migrate {@code vm} from {@code from} to {@code to}. */
    record Migrate(int vm, int from, int to, String reason, Severity severity) implements Action {
    }

    /** Start a VM that runs nowhere yet on {@code to}. */
    record Place(int vm, int to, String reason) implements Action {
    }

    record PowerOn(int host, String reason) implements Action {
    }

    /** Only for an empty host; the checker refuses it otherwise. */
    record PowerOff(int host, String reason) implements Action {
    }
}
