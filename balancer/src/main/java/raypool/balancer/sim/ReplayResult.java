package raypool.balancer.sim;

/**
 * What one replay measured. Fractions, not percentages: slatah 0.05 is 5 %.
 *
 * @param slatah share of hosts' active time during which a host got less CPU than was asked of it
 * @param pdm CPU lost by migrating VMs over CPU requested
 * @param slav slatah x pdm
 * @param esv energy_kwh x slav
 * @param hostsOverCapacity hosts whose VMs at some time asked for more CPU than the host really has (its
 *        measured capacity when the fleet was measured, whatever the planner was told)
 * @param hostHoursOverCapacity host-hours spent so
 * @param energyLowerBoundKwh no policy serving the day's demand on this fleet under these rules uses less
 *        ({@link EnergyBound})
 * @param placedVmsPerHost after the initial placement: VMs on a host -> how many hosts hold that many
 * @param hoursOnByHost hours each host drew power (ran VMs, received one, or booted), by host id
 */
public record ReplayResult(String policy, String rules, String traceDir, int hosts, int vms, double energyKwh,
                           double slatah, double pdm, double slav, double esv, long migrations,
                           DecisionTimes decisionMs, double wallS, Timeline timeline, int hostsOverCapacity,
                           double hostHoursOverCapacity, double energyLowerBoundKwh,
                           java.util.SortedMap<Integer, Integer> placedVmsPerHost, double[] hoursOnByHost) {

    public ReplayResult {
        placedVmsPerHost = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(placedVmsPerHost));
        hoursOnByHost = hoursOnByHost.clone();
    }

    @Override
    public double[] hoursOnByHost() {
        return hoursOnByHost.clone();
    }

    /** How many hosts held VMs after the initial placement, and how many VMs each (count of VMs to hosts). */
    public static java.util.SortedMap<Integer, Integer> vmsPerHost(int[] vmHost, int hosts) {
        int[] count = new int[hosts];
        for (int h : vmHost) {
            if (h >= 0) {
                count[h]++;
            }
        }
        java.util.SortedMap<Integer, Integer> histogram = new java.util.TreeMap<>();
        for (int c : count) {
            if (c > 0) {
                histogram.merge(c, 1, Integer::sum);
            }
        }
        return histogram;
    }

    /** Energy over the lower bound; empty when the bound is 0 (a day without demand). */
    public java.util.OptionalDouble energyVsBound() {
        return energyLowerBoundKwh > 0 ? java.util.OptionalDouble.of(energyKwh / energyLowerBoundKwh)
                : java.util.OptionalDouble.empty();
    }

    /** Planner wall time per round, milliseconds. */
    public record DecisionTimes(double p50, double p99, double max) {
        public static DecisionTimes of(long[] nanos, int count) {
            if (count == 0) {
                return new DecisionTimes(0, 0, 0);
            }
            long[] sorted = java.util.Arrays.copyOf(nanos, count);
            java.util.Arrays.sort(sorted);
            return new DecisionTimes(percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
                    sorted[count - 1] / 1e6);
        }

        private static double percentile(long[] sorted, double p) {
            int i = (int) Math.ceil(p * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }
}
