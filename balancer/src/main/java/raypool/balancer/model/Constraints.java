package raypool.balancer.model;

/**
 * Which rules of the world the planner and the checker must honour. The project's physics enforces
 * memory and moves each VM at most once per plan; the reference's rules (QUIRKs, see CloudSimRules)
 * check memory only at creation and let a VM move twice in one round.
 */
public record Constraints(boolean memoryEnforced, boolean repeatMovesAllowed) {
    public static final Constraints RAYPOOL = new Constraints(true, false);
    public static final Constraints REFERENCE_CREATION = new Constraints(true, true);
    public static final Constraints REFERENCE_RUNNING = new Constraints(false, true);
}
