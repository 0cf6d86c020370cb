package raypool.balancer.plan;

import java.util.List;

/** An ordered list of actions; executing them in order must keep every constraint (see the checker). */
public record Plan(List<Action> actions) {
    public static final Plan EMPTY = new Plan(List.of());

    public Plan {
        actions = List.copyOf(actions);
    }

    public long migrations() {
        return actions.stream().filter(a -> a instanceof Action.Migrate).count();
    }
}
