package raypool.cloud.firewall.compile;

import java.util.List;
import java.util.Map;
import raypool.cloud.firewall.policy.Rule;

/**
 * What a policy compiles to for one pool: the flows, the port map, each rule's cookie, and the rules whose
 * target names nothing in the pool (they compile to no flow).
 */
public record CompiledFlows(List<Flow> flows, List<Port> ports, Map<Long, Rule> rulesByCookie, List<Rule> unmatchedTargets) {

    public CompiledFlows {
        flows = List.copyOf(flows);
        ports = List.copyOf(ports);
        rulesByCookie = Map.copyOf(rulesByCookie);
        unmatchedTargets = List.copyOf(unmatchedTargets);
    }

    /** The flow file: one flow per line. */
    public String text() {
        StringBuilder b = new StringBuilder(flows.size() * 120);
        for (Flow f : flows) {
            b.append(f.text()).append('\n');
        }
        return b.toString();
    }
}
