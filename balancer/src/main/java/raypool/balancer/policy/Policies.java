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

    /**
     * @param referenceRules true under {@code --rules cloudsim}: baselines keep the reference's quirks
     *                       (double migrations, no memory check)
     */
    public static Planner create(String name, boolean referenceRules) {
        return switch (name) {
            case "thr-mmt", "iqr-mmt", "mad-mmt", "lr-mmt" -> {
                OverloadDetector detector = OverloadDetector.parse(name);
                yield new MmtPlanner(name, detector, referenceRules, !referenceRules);
            }
            case "none" -> new NonePlanner(!referenceRules);
            default -> throw new InputException("--policy: unknown policy '" + name + "'; choose one of " + NAMES);
        };
    }
}
