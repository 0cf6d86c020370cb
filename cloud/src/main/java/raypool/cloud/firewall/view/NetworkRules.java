package raypool.cloud.firewall.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import raypool.cloud.firewall.decide.OrderedPolicy;
import raypool.cloud.firewall.policy.BuiltinRules;
import raypool.cloud.firewall.policy.Level;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.firewall.policy.Rule;
import raypool.cloud.view.NetworkView;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VifView;
import raypool.cloud.view.VmView;

/**
 * The policy rules that apply on one network, in first-match order: global rules, the pool's, the network's
 * own, and the rules of the VMs that have an interface on it (which apply to those VMs only). A pure function
 * of the policy and the pool view, for the operator's view of private networks.
 */
public final class NetworkRules {

    /** One rule as the network list shows it: where it is written, its place, and what it says. */
    public record Applied(String rule, String level, String kind, String action, String says) {
        static Applied of(Rule r) {
            String at = r.origin().isBuiltin() ? "builtin " + BuiltinRules.nameOf(r) : r.origin().toString();
            return new Applied(at, r.level().word(), r.kind().word(), r.action().word(), r.describe());
        }
    }

    private NetworkRules() {
    }

    public static List<Applied> of(Policy policy, PoolView view, NetworkView network) {
        Set<String> pool = Set.of(view.pool().name(), view.pool().uuid());
        Set<String> here = Set.of(network.name(), network.uuid());
        Set<String> vms = new java.util.HashSet<>();
        for (VifView vif : view.networks().vifsOn(network.ref())) {
            view.vm(vif.vm()).filter(VmView::guest).ifPresent(vm -> {
                vms.add(vm.name());
                vms.add(vm.uuid());
            });
        }
        List<Applied> out = new ArrayList<>();
        for (OrderedPolicy.Entry e : OrderedPolicy.of(policy).entries()) {
            Rule r = e.rule();
            boolean applies = r.level() == Level.GLOBAL
                    || (r.level() == Level.POOL && pool.contains(r.target().orElseThrow()))
                    || (r.level() == Level.NETWORK && here.contains(r.target().orElseThrow()))
                    || (r.level() == Level.VM && vms.contains(r.target().orElseThrow()));
            if (applies) {
                out.add(Applied.of(r));
            }
        }
        return List.copyOf(out);
    }
}
