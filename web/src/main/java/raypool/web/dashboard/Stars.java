package raypool.web.dashboard;

import raypool.balancer.plan.Severity;

/** WLB rates a recommendation with stars; here from the planner's severity (critical = 5 ... low = 2). */
public final class Stars {
    private Stars() {
    }

    public static int of(Severity s) {
        return switch (s) {
            case CRITICAL -> 5;
            case HIGH -> 4;
            case MEDIUM -> 3;
            case LOW -> 2;
        };
    }
}
