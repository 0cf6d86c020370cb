package raypool.balancer.sim;

import raypool.balancer.model.Fleet;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.VmSpec;
import raypool.balancer.plan.Planner;
import raypool.balancer.policy.Policies;
import raypool.balancer.trace.InputException;
import raypool.balancer.trace.PlanetLabTrace;

import java.util.List;

/** Runs one policy over one day under one rule set, on the reference experiment's fleet or another. */
public final class Replay {
    public static final List<String> RULES = List.of("cloudsim", "raypool");

    private Replay() {
    }

    public static ReplayResult run(PlanetLabTrace trace, String policy, String rules, StepListener listener) {
        return run(trace, Fleet.referenceHosts(Fleet.REFERENCE_HOSTS), policy, rules, listener);
    }

    public static ReplayResult run(PlanetLabTrace trace, List<HostSpec> hosts, String policy, String rules,
                                   StepListener listener) {
        return run(trace, hosts, hosts, policy, rules, listener);
    }

    /**
     * @param hosts the hosts as they are: the simulation, energy, SLA and the bound use these
     * @param plannedAs the same hosts as the planner is told they are; when their CPU differs the planner
     *        sees the pool through a {@link ThreadCountView}
     */
    public static ReplayResult run(PlanetLabTrace trace, List<HostSpec> hosts, List<HostSpec> plannedAs,
                                   String policy, String rules, StepListener listener) {
        if (!Replay.RULES.contains(rules)) {
            throw new InputException("--rules: unknown rule set '" + rules + "'; choose one of " + RULES);
        }
        List<VmSpec> vms = Fleet.referenceVms(trace.names());
        Planner planner = Policies.create(policy);
        if (!sameCpu(hosts, plannedAs)) {
            planner = new ThreadCountView(planner, plannedAs);
        }
        return switch (rules) {
            case "cloudsim" -> new CloudSimRules(trace, hosts, vms, planner).run(listener);
            default -> new RaypoolRules(trace, hosts, vms, planner, RaypoolRules.Physics.DEFAULT).run(listener);
        };
    }

    private static boolean sameCpu(List<HostSpec> a, List<HostSpec> b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException(a.size() + " hosts planned as " + b.size());
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).peMips() != b.get(i).peMips() || a.get(i).cores() != b.get(i).cores()) {
                return false;
            }
        }
        return true;
    }
}
