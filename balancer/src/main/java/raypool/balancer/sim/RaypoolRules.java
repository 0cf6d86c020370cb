package raypool.balancer.sim;

import raypool.balancer.model.HostSpec;
import raypool.balancer.model.VmSpec;
import raypool.balancer.plan.Planner;
import raypool.balancer.trace.PlanetLabTrace;

import java.util.List;

public final class RaypoolRules {
    public record Physics(double bootSeconds) {
        public static final Physics DEFAULT = new Physics(120);
    }

    public RaypoolRules(PlanetLabTrace trace, List<HostSpec> hosts, List<VmSpec> vms, Planner planner, Physics physics) {
    }

    public ReplayResult run(StepListener listener) {
        throw new UnsupportedOperationException();
    }
}
