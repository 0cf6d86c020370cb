package raypool.balancer.policy;

import raypool.balancer.plan.Planner;
import raypool.balancer.trace.InputException;

import java.util.List;

/** Policy names as the command line and the JSON spell them. */
public final class Policies {
    public static final List<String> NAMES = List.of("thr-mmt", "iqr-mmt", "mad-mmt", "lr-mmt", "xo-performance",
            "wlb-performance", "wlb-density", "none");
    public static final List<String> BASELINES = List.of("thr-mmt", "iqr-mmt", "mad-mmt", "lr-mmt");

    private Policies() {
    }

    /** Planners read the rules they must keep (memory, repeat moves) from each snapshot's constraints. */
    public static Planner create(String name) {
        return switch (name) {
            case "thr-mmt", "iqr-mmt", "mad-mmt", "lr-mmt" -> {
                OverloadDetector detector = OverloadDetector.parse(name);
                yield new MmtPlanner(name, detector);
            }
            case "none" -> new NonePlanner();
            case "xo-performance" -> new XoPlanner();
            case "wlb-density" -> new WlbPlanner(name, WlbSettings.defaults(WlbSettings.Mode.DENSITY));
            case "wlb-performance" -> new WlbPlanner(name, WlbSettings.defaults(WlbSettings.Mode.PERFORMANCE));
            default -> throw new InputException("--policy: unknown policy '" + name + "'; choose one of " + NAMES);
        };
    }
}
