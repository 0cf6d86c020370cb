package raypool.balancer.policy;

import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;

import java.util.ArrayList;
import java.util.List;

/**
 * No balancing: VMs are started round-robin over the hosts that have memory for them and never move.
 * The floor every policy should beat on SLA, and the ceiling on energy.
 */
public final class NonePlanner implements Planner {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public Plan place(Snapshot s) {
        int[] ram = new int[s.hostCount()];
        for (int h = 0; h < s.hostCount(); h++) {
            ram[h] = s.memoryUsedMb(h);
        }
        List<Action> actions = new ArrayList<>();
        int next = 0;
        for (int v = 0; v < s.vmCount(); v++) {
            if (s.hostOf(v) >= 0) {
                continue;
            }
            for (int tries = 0; tries < s.hostCount(); tries++) {
                int h = (next + tries) % s.hostCount();
                boolean fits = !s.constraints().memoryEnforced() || ram[h] + s.vm(v).ramMb() <= s.host(h).ramMb();
                if (s.hostState(h).acceptsVms() && fits) {
                    ram[h] += s.vm(v).ramMb();
                    actions.add(new Action.Place(v, h, "round robin"));
                    next = h + 1;
                    break;
                }
            }
        }
        return new Plan(actions);
    }

    @Override
    public Plan optimize(Snapshot s) {
        return Plan.EMPTY;
    }
}
