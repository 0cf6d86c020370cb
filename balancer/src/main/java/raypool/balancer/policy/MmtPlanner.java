package raypool.balancer.policy;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;
import raypool.balancer.plan.Severity;

import java.util.ArrayList;
import java.util.List;

/**
 * The published baselines: an overload test (THR, IQR, MAD or LR), minimum-migration-time VM selection,
 * power-aware best-fit-decreasing placement (PABFD), and evacuation of underloaded hosts, written from
 * the reference experiment's published rules (CloudSim 3.0.3's PowerVmAllocationPolicyMigration classes).
 *
 * <p>The snapshot's {@link raypool.balancer.model.Constraints} separate the reference's behaviour from
 * the project's physics: where repeat moves are allowed the reference's bug of not barring
 * overload-phase destinations from being drained is kept (some VMs then move twice in one round; a
 * QUIRK of the reference, section 8), and where memory is enforced PABFD refuses hosts without the
 * VM's memory (the reference checks it only at creation).
 */
public final class MmtPlanner implements Planner {
    private final String name;
    private final OverloadDetector detector;

    public MmtPlanner(String name, OverloadDetector detector) {
        this.name = name;
        this.detector = detector;
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Initial placement is PABFD over nominal MIPS in VM id order. It is the simulators' job to present
     * a creation-time snapshot (demand = nominal MIPS); this method only chooses.
     */
    @Override
    public Plan place(Snapshot s) {
        Workspace ws = new Workspace(s);
        List<Action> actions = new ArrayList<>();
        int[] count = new int[s.hostCount()];
        for (int h = 0; h < s.hostCount(); h++) {
            count[h] = s.vmsOnHostCount(h);
        }
        for (int v = 0; v < s.vmCount(); v++) {
            if (s.hostOf(v) >= 0) {
                continue;
            }
            double r = s.demand(v);
            int best = -1;
            double bestCost = Double.MAX_VALUE;
            for (int h = 0; h < s.hostCount(); h++) {
                if (!s.hostState(h).acceptsVms() || s.host(h).peMips() < r || ws.free(h) < r
                        || ws.ramUsed(h) + s.vm(v).ramMb() > s.host(h).ramMb() || count[h] >= MAX_VMS_BY_BANDWIDTH) {
                    continue;
                }
                double cost = s.host(h).power().watts((ws.allocatedSum(h) + r) / s.host(h).capacityMips())
                        - s.host(h).power().watts(0);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = h;
                }
            }
            if (best >= 0) {
                ws.add(best, v);
                count[best]++;
                actions.add(new Action.Place(v, best, "PABFD"));
            }
        }
        return new Plan(actions);
    }

    /** 1 Gbit/s hosts, 100 Mbit/s VMs: the reference's bandwidth check admits ten VMs at creation. */
    private static final int MAX_VMS_BY_BANDWIDTH = 10;

    @Override
    public Plan optimize(Snapshot s) {
        int hosts = s.hostCount();
        Workspace ws = new Workspace(s);
        boolean quirkDoubleMigration = s.constraints().repeatMovesAllowed();
        boolean[] overloaded = new boolean[hosts];
        IntArrayList overloadedList = new IntArrayList();
        for (int h = 0; h < hosts; h++) {
            if (ws.count(h) > 0 && detector.overloaded(ws, h)) {
                overloaded[h] = true;
                overloadedList.add(h);
            }
        }
        List<Action> actions = new ArrayList<>();
        int[] position = new int[s.vmCount()];
        for (int v = 0; v < s.vmCount(); v++) {
            position[v] = s.hostOf(v);
        }

        // Overload phase: minimum migration time selection, then PABFD away from overloaded hosts.
        IntArrayList toMigrate = new IntArrayList();
        for (int h : overloadedList) {
            while (true) {
                int victim = smallestMemoryVm(ws, h);
                if (victim < 0) {
                    break;
                }
                toMigrate.add(victim);
                ws.remove(h, victim);
                if (!detector.overloaded(ws, h)) {
                    break;
                }
            }
        }
        boolean[] excludedForPlacement = overloaded.clone();
        boolean[] excludedForPick = overloaded.clone();
        int excludedForPickCount = overloadedList.size();
        for (int v : sortByDemandDescending(s, toMigrate)) {
            int target = findHost(ws, v, excludedForPlacement);
            if (target >= 0) {
                ws.add(target, v);
                actions.add(new Action.Migrate(v, position[v], target, detector.label() + ": host overloaded",
                        Severity.HIGH));
                position[v] = target;
                if (!quirkDoubleMigration && !excludedForPick[target]) {
                    excludedForPick[target] = true;
                    excludedForPickCount++;
                }
            }
        }

        // Underload phase: drain the least utilised host when all its VMs fit elsewhere.
        for (int h = 0; h < hosts; h++) {
            if (s.hostUtilization(h) == 0 || !s.hostState(h).acceptsVms()) {
                excludedForPlacement[h] = true;
                if (!excludedForPick[h]) {
                    excludedForPick[h] = true;
                    excludedForPickCount++;
                }
            }
        }
        while (excludedForPickCount < hosts) {
            int source = leastUtilised(s, ws, excludedForPick);
            if (source < 0) {
                break;
            }
            excludedForPick[source] = true;
            excludedForPickCount++;
            excludedForPlacement[source] = true;
            IntArrayList vms = new IntArrayList();
            boolean movable = true;
            for (int i = 0, n = ws.count(source); i < n; i++) {
                int v = ws.vmAt(source, i);
                vms.add(v);
                // a VM still migrating (raypool rules: a copy can outlast the step) or excluded cannot leave,
                // so the host cannot be emptied; the reference's migrations all end within their step
                movable &= !s.isMigrating(v) && !s.vm(v).excluded();
            }
            if (vms.isEmpty() || !movable) {
                continue;
            }
            int[] order = sortByDemandDescending(s, vms);
            int[] targets = new int[order.length];
            boolean all = true;
            for (int i = 0; i < order.length; i++) {
                int target = findHost(ws, order[i], excludedForPlacement);
                if (target < 0) {
                    for (int j = 0; j < i; j++) {
                        ws.remove(targets[j], order[j]);
                    }
                    all = false;
                    break;
                }
                ws.add(target, order[i]);
                targets[i] = target;
            }
            if (!all) {
                continue;
            }
            for (int i = 0; i < order.length; i++) {
                int v = order[i];
                actions.add(new Action.Migrate(v, position[v], targets[i], detector.label() + ": host underloaded",
                        Severity.LOW));
                position[v] = targets[i];
                if (!excludedForPick[targets[i]]) {
                    excludedForPick[targets[i]] = true;
                    excludedForPickCount++;
                }
            }
        }
        return new Plan(actions);
    }

    /** Smallest nominal memory first, earliest in the host's list on ties; excluded VMs never move. */
    private static int smallestMemoryVm(Workspace ws, int h) {
        Snapshot s = ws.snapshot();
        int best = -1;
        int bestRam = Integer.MAX_VALUE;
        for (int i = 0, n = ws.count(h); i < n; i++) {
            int v = ws.vmAt(h, i);
            if (s.isMigrating(v) || s.vm(v).excluded()) {
                continue;
            }
            if (s.vm(v).ramMb() < bestRam) {
                bestRam = s.vm(v).ramMb();
                best = v;
            }
        }
        return best;
    }

    private static int leastUtilised(Snapshot s, Workspace ws, boolean[] excluded) {
        double min = 1;
        int best = -1;
        for (int h = 0; h < s.hostCount(); h++) {
            if (excluded[h]) {
                continue;
            }
            double u = s.hostUtilization(h);
            if (u > 0 && u < min && ws.count(h) > 0) {
                min = u;
                best = h;
            }
        }
        return best;
    }

    /** Stable sort by current demand, largest first. */
    static int[] sortByDemandDescending(Snapshot s, IntArrayList vms) {
        Integer[] boxed = new Integer[vms.size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = vms.getInt(i);
        }
        java.util.Arrays.sort(boxed, (a, b) -> Double.compare(s.demand(b), s.demand(a)));
        int[] out = new int[boxed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    /**
     * PABFD: among hosts with a core big enough and enough free MIPS (and memory, when checked) that the
     * policy does not judge overloaded with the VM added, the one whose power rises least; ties to the
     * lowest id. The power before is taken at the last update, so VMs added this round are ignored there
     * (as in the reference).
     */
    int findHost(Workspace ws, int v, boolean[] excluded) {
        Snapshot s = ws.snapshot();
        double r = s.demand(v);
        int ram = s.vm(v).ramMb();
        int best = -1;
        double bestCost = Double.MAX_VALUE;
        for (int h = 0; h < s.hostCount(); h++) {
            if (excluded[h] || s.host(h).peMips() < r || ws.free(h) < r || !s.hostState(h).acceptsVms()) {
                continue;
            }
            if (s.constraints().memoryEnforced() && ws.ramUsed(h) + ram > s.host(h).ramMb()) {
                continue;
            }
            double allocated = ws.allocatedSum(h);
            if (allocated != 0) {
                ws.add(h, v);
                boolean over = detector.overloaded(ws, h);
                ws.remove(h, v);
                if (over) {
                    continue;
                }
            }
            double capacity = s.host(h).capacityMips();
            double cost = s.host(h).power().watts((allocated + r) / capacity)
                    - s.host(h).power().watts(clampedUtilization(s.hostUtilization(h)));
            if (cost < bestCost) {
                bestCost = cost;
                best = h;
            }
        }
        return best;
    }

    private static double clampedUtilization(double u) {
        return u > 1 && u < 1.01 ? 1 : u;
    }
}
