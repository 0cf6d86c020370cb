package raypool.balancer.trace;

import java.util.List;

/**
 * One day of CPU traces: one VM per file, in file-name order, {@value #SAMPLES} samples of 5 minutes,
 * each an integer CPU percentage 0..100.
 */
public record PlanetLabTrace(String source, List<String> names, int[][] percent) {
    public static final int SAMPLES = 288;
    public static final double STEP_SECONDS = 300;

    public PlanetLabTrace {
        names = List.copyOf(names);
        if (names.size() != percent.length) {
            throw new IllegalArgumentException("names and traces differ in length");
        }
    }

    public int vmCount() {
        return names.size();
    }

    /** Utilisation (fraction) of a VM at sample k; the last sample repeats past the end, as in the reference. */
    public double utilization(int vm, int k) {
        int[] samples = percent[vm];
        return samples[Math.min(k, samples.length - 1)] / 100.0;
    }
}
