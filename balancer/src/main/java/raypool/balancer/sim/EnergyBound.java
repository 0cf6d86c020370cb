package raypool.balancer.sim;

import raypool.balancer.model.HostSpec;
import raypool.balancer.model.PowerModel;
import raypool.balancer.model.VmSpec;
import raypool.balancer.trace.PlanetLabTrace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A lower bound on a day's energy for a fleet under a rule set: no policy that serves the day's demand
 * can use less. At each step it takes the set of hosts whose CPU and memory can hold the demand at the
 * least power, each host drawing the least its power model allows for the load it carries.
 *
 * <p>What it relaxes, each of which can only lower the figure:
 * <ul>
 *   <li><b>Demand is divisible</b>: the step's total CPU demand may be split across hosts in any
 *       proportion, as if VMs could be cut up; a VM still counts at most one thread of the fleet's
 *       fastest host, since no host gives one vCPU more.</li>
 *   <li><b>Moves are free and instant</b>: every step starts from the best set of hosts, with no
 *       migrations, no CPU or slowdown for them, no boot time and no idle power while booting.</li>
 *   <li><b>Power per host</b> is under the host's curve: idle plus the steepest line from idle that stays
 *       under the curve ({@link PowerModel#leastWattsPerUtilization}), so the best split fills the hosts
 *       with the cheapest extra watts per MIPS first; for a linear (two-point) curve it is the curve.</li>
 *   <li><b>Memory</b> is summed over the hosts (VMs divisible in memory too), and only where the rule set
 *       enforces it: under {@code cloudsim} rules memory binds only at creation, so the bound ignores it.</li>
 * </ul>
 * The hosts switched on are found exactly (every number of hosts of each identical type, pruned) when
 * the fleet has few types; with more than {@value #EXACT_LIMIT} combinations the on/off choice is relaxed
 * too (hosts may be switched on fractionally), the larger of a CPU-only and a memory-only bound.
 *
 * <p>Demand per rule set, as each integrates energy: {@code raypool} charges each 5-minute step at its
 * constant demand from t = 0; {@code cloudsim} charges the intervals between its steps at 0.1 + 300k s
 * from the second on, with demand interpolated between samples, each interval here at its least demand
 * (the sum of min(linear, cap) pieces is concave between sample times, so the least is at the interval's
 * ends or at the sample time inside it), and a VM counted only until the first step at which the
 * reference could have deleted it for a zero demand.
 *
 * <p>Where a reported energy can fall under it: a policy that leaves demand unserved (an overloaded host
 * serves less, and draws less, than asked; see SLATAH), and under {@code cloudsim} rules the reference's
 * accounting, which charges nothing for the interval after a host's record of zero utilisation
 * (a host refilled right after being emptied is charged nothing for that interval). It is a bound on the
 * power drawn, and equally on the energy reported by rules that charge what is drawn.
 */
public final class EnergyBound {
    /** Most host-count combinations searched exactly per step. */
    static final long EXACT_LIMIT = 1_000_000;
    private static final double STEP = PlanetLabTrace.STEP_SECONDS;

    private EnergyBound() {
    }

    /** Identical hosts: capacity in MIPS, memory, idle watts and least extra watts per MIPS. */
    record HostType(double capacityMips, long ramMb, double idleWatts, double wattsPerMips, int count) {
    }

    /** Bound under {@code raypool} rules, kWh: 288 steps of constant demand, memory enforced. */
    public static double raypoolKwh(PlanetLabTrace trace, List<HostSpec> hosts, List<VmSpec> vms) {
        List<HostType> types = types(hosts);
        double maxPe = maxPe(hosts);
        long memory = 0;
        for (VmSpec vm : vms) {
            memory += vm.ramMb();
        }
        double wattSeconds = 0;
        for (int k = 0; k < PlanetLabTrace.SAMPLES; k++) {
            double demand = 0;
            for (int v = 0; v < vms.size(); v++) {
                demand += Math.min(trace.utilization(v, k) * vms.get(v).mips(), maxPe);
            }
            wattSeconds += leastWatts(types, demand, memory) * STEP;
        }
        return wattSeconds / 3.6e6;
    }

    /** Bound under {@code cloudsim} rules, kWh (see the class comment). */
    public static double cloudSimKwh(PlanetLabTrace trace, List<HostSpec> hosts, List<VmSpec> vms) {
        int steps = 287;
        double[] t = new double[steps + 1];
        t[0] = 0.1;
        for (int k = 1; k <= steps; k++) {
            t[k] = t[k - 1] + STEP;    // accumulated, as the replay's step times are
        }
        int[] deletedAt = new int[vms.size()];
        for (int v = 0; v < vms.size(); v++) {
            deletedAt[v] = Integer.MAX_VALUE;
            for (int k = 1; k <= steps; k++) {
                if (CloudSimRules.utilization(trace, v, t[k]) == 0) {
                    deletedAt[v] = k;
                    break;
                }
            }
        }
        List<HostType> types = types(hosts);
        double maxPe = maxPe(hosts);
        double wattSeconds = 0;
        for (int k = 2; k <= steps; k++) {
            double[] at = {t[k - 1], STEP * k, t[k]};
            double least = Double.MAX_VALUE;
            for (double time : at) {
                double demand = 0;
                for (int v = 0; v < vms.size(); v++) {
                    if (deletedAt[v] >= k) {
                        demand += Math.min(CloudSimRules.utilization(trace, v, time) * vms.get(v).mips(), maxPe);
                    }
                }
                least = Math.min(least, demand);
            }
            wattSeconds += leastWatts(types, least, 0) * (t[k] - t[k - 1]);
        }
        return wattSeconds / 3.6e6;
    }

    static List<HostType> types(List<HostSpec> hosts) {
        record Key(double capacity, int ram, PowerModel power) {
        }
        Map<Key, Integer> counts = new LinkedHashMap<>();
        for (HostSpec h : hosts) {
            counts.merge(new Key(h.capacityMips(), h.ramMb(), h.power()), 1, Integer::sum);
        }
        List<HostType> types = new ArrayList<>();
        counts.forEach((k, n) -> types.add(new HostType(k.capacity(), k.ram(), k.power().idleWatts(),
                k.power().leastWattsPerUtilization() / k.capacity(), n)));
        types.sort(Comparator.comparingDouble(HostType::wattsPerMips));
        return List.copyOf(types);
    }

    private static double maxPe(List<HostSpec> hosts) {
        return hosts.stream().mapToDouble(HostSpec::peMips).max().orElse(0);
    }

    /**
     * The least watts of hosts holding {@code demandMips} and {@code memoryMb}; demand beyond what the whole
     * fleet holds is capped there (no policy serves more). Types must be sorted by watts per MIPS.
     */
    static double leastWatts(List<HostType> types, double demandMips, long memoryMb) {
        double totalCapacity = 0;
        long totalRam = 0;
        long combinations = 1;
        for (HostType t : types) {
            totalCapacity += t.count() * t.capacityMips();
            totalRam += t.count() * t.ramMb();
            combinations = combinations > EXACT_LIMIT ? combinations : combinations * (t.count() + 1L);
        }
        double demand = Math.min(demandMips, totalCapacity);
        long memory = Math.min(memoryMb, totalRam);
        if (demand <= 0 && memory <= 0) {
            return 0;
        }
        if (combinations <= EXACT_LIMIT) {
            return new Search(types, demand, memory).best();
        }
        return fractional(types, demand, memory);
    }

    /** Hosts switched on fractionally: the larger of the CPU-only and memory-only relaxations. */
    private static double fractional(List<HostType> types, double demand, long memory) {
        List<HostType> byCpu = new ArrayList<>(types);
        byCpu.sort(Comparator.comparingDouble(t -> t.idleWatts() / t.capacityMips() + t.wattsPerMips()));
        double cpu = 0;
        double left = demand;
        for (HostType t : byCpu) {
            double x = Math.min(left, t.count() * t.capacityMips());
            cpu += x * (t.idleWatts() / t.capacityMips() + t.wattsPerMips());
            left -= x;
        }
        List<HostType> byRam = new ArrayList<>(types);
        byRam.sort(Comparator.comparingDouble(t -> t.idleWatts() / t.ramMb()));
        double ram = 0;
        double need = memory;
        for (HostType t : byRam) {
            double x = Math.min(need, (double) t.count() * t.ramMb());
            ram += x * t.idleWatts() / t.ramMb();
            need -= x;
        }
        // the CPU-only bound also pays the cheapest extra watts for the demand
        double cheapestExtra = types.stream().mapToDouble(HostType::wattsPerMips).min().orElse(0);
        return Math.max(cpu, ram + demand * cheapestExtra);
    }

    /** Every number of hosts of each type, pruned by the best found and by what can still fit. */
    private static final class Search {
        private final HostType[] types;
        private final double demand;
        private final long memory;
        private final double[] capacityFrom;
        private final long[] ramFrom;
        private final int[] on;
        private double best = Double.MAX_VALUE;

        Search(List<HostType> types, double demand, long memory) {
            this.types = types.toArray(HostType[]::new);
            this.demand = demand * (1 - 1e-12);    // a fleet exactly full must count as holding it
            this.memory = memory;
            int n = this.types.length;
            capacityFrom = new double[n + 1];
            ramFrom = new long[n + 1];
            for (int i = n - 1; i >= 0; i--) {
                capacityFrom[i] = capacityFrom[i + 1] + this.types[i].count() * this.types[i].capacityMips();
                ramFrom[i] = ramFrom[i + 1] + this.types[i].count() * this.types[i].ramMb();
            }
            on = new int[n];
        }

        double best() {
            search(0, 0, 0, 0);
            return best;
        }

        private void search(int i, double idle, double capacity, long ram) {
            if (i == types.length) {
                if (capacity >= demand && ram >= memory) {
                    best = Math.min(best, idle + fill());
                }
                return;
            }
            if (capacity + capacityFrom[i] < demand || ram + ramFrom[i] < memory) {
                return;
            }
            HostType t = types[i];
            for (int n = 0; n <= t.count(); n++) {
                double idleN = idle + n * t.idleWatts();
                if (idleN >= best) {
                    break;
                }
                on[i] = n;
                search(i + 1, idleN, capacity + n * t.capacityMips(), ram + n * t.ramMb());
            }
            on[i] = 0;
        }

        /** The demand on the hosts switched on, cheapest extra watts per MIPS first. */
        private double fill() {
            double left = demand;
            double watts = 0;
            for (int i = 0; i < types.length && left > 0; i++) {
                double x = Math.min(left, on[i] * types[i].capacityMips());
                watts += x * types[i].wattsPerMips();
                left -= x;
            }
            return watts;
        }
    }
}
