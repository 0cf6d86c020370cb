package raypool.balancer.sim;

/**
 * What one replay measured. Fractions, not percentages: slatah 0.05 is 5 %.
 *
 * @param slatah share of hosts' active time during which a host got less CPU than was asked of it
 * @param pdm CPU lost by migrating VMs over CPU requested
 * @param slav slatah x pdm
 * @param esv energy_kwh x slav
 */
public record ReplayResult(String policy, String rules, String traceDir, int hosts, int vms, double energyKwh,
                           double slatah, double pdm, double slav, double esv, long migrations,
                           DecisionTimes decisionMs, double wallS, Timeline timeline) {

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
