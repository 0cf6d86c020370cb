package raypool.balancer.sim;

import raypool.balancer.model.Fleet;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.VmSpec;
import raypool.balancer.plan.Planner;
import raypool.balancer.policy.Policies;
import raypool.balancer.trace.InputException;
import raypool.balancer.trace.PlanetLabTrace;

import java.util.List;

/** Runs one policy over one day under one rule set, on the reference experiment's fleet. */
public final class Replay {
    public static final List<String> RULES = List.of("cloudsim", "raypool");

    private Replay() {
    }

    public static ReplayResult run(PlanetLabTrace trace, String policy, String rules, StepListener listener) {
        return run(trace, Fleet.referenceHosts(Fleet.REFERENCE_HOSTS), policy, rules, listener);
    }

    public static ReplayResult run(PlanetLabTrace trace, List<HostSpec> hosts, String policy, String rules,
                                   StepListener listener) {
        List<VmSpec> vms = Fleet.referenceVms(trace.names());
        return switch (rules) {
            case "cloudsim" -> {
                Planner planner = Policies.create(policy);
                yield new CloudSimRules(trace, hosts, vms, planner).run(listener);
            }
            case "raypool" -> {
                Planner planner = Policies.create(policy);
                yield new RaypoolRules(trace, hosts, vms, planner, RaypoolRules.Physics.DEFAULT).run(listener);
            }
            default -> throw new InputException("--rules: unknown rule set '" + rules + "'; choose one of " + RULES);
        };
    }
}
