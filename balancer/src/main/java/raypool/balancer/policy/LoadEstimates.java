package raypool.balancer.policy;

import raypool.balancer.model.Snapshot;

/**
 * Per-VM CPU figures a planner derives from a snapshot's history, all in MIPS:
 * <ul>
 *   <li>smoothed: recentWeight x mean(short window) + (1 - recentWeight) x mean(long window), WLB's and
 *       Xen Orchestra's way of not reacting to one noisy sample;</li>
 *   <li>peak: the highest sample in the long window (or now), what packing must leave room for so a
 *       host is not overloaded again by the next burst.</li>
 * </ul>
 * A VM with no history yet is assumed to use {@code newVmCpuShare} of its nominal MIPS.
 */
public final class LoadEstimates {
    private final double[] smoothed;
    private final double[] peak;

    public LoadEstimates(Snapshot s, WlbSettings settings) {
        int n = s.vmCount();
        smoothed = new double[n];
        peak = new double[n];
        for (int v = 0; v < n; v++) {
            double mips = s.vm(v).mips();
            int length = s.historyLength(v);
            if (length == 0) {
                smoothed[v] = settings.newVmCpuShare() * s.demand(v);
                peak[v] = smoothed[v];
                continue;
            }
            double now = s.demand(v);
            double recent = mean(s, v, Math.min(length, settings.recentSamples())) * mips;
            double longMean = mean(s, v, Math.min(length, settings.longSamples())) * mips;
            smoothed[v] = settings.recentWeight() * recent + (1 - settings.recentWeight()) * longMean;
            double max = now;
            for (int i = 0; i < Math.min(length, settings.longSamples()); i++) {
                max = Math.max(max, s.history(v, i) * mips);
            }
            peak[v] = max;
        }
    }

    private static double mean(Snapshot s, int v, int samples) {
        double sum = 0;
        for (int i = 0; i < samples; i++) {
            sum += s.history(v, i);
        }
        return samples == 0 ? 0 : sum / samples;
    }

    public double smoothed(int v) {
        return smoothed[v];
    }

    public double peak(int v) {
        return peak[v];
    }
}
