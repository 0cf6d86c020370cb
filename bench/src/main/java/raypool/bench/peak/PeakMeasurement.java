package raypool.bench.peak;

/**
 * One core's single-precision peak in GFLOP/s, as {@code fraction_of_peak} divides by it.
 *
 * @param perCore the median of the fastest quarter of the rounds (or the value given)
 * @param min     the slowest round
 * @param max     the fastest round
 * @param rounds  rounds timed, over every thread ({@code 0} when given)
 * @param threads threads that ran rounds at the same time
 * @param source  "measured" (here, now) or "given" (--peak-gflops-per-core)
 * @param form    what was timed: "fma" (fused multiply-add chains) or "mul+add" (CPUs without FMA)
 */
public record PeakMeasurement(double perCore, double min, double max, int rounds, int threads, String source,
                              String form) {

    public static PeakMeasurement given(double perCore) {
        return new PeakMeasurement(perCore, perCore, perCore, 0, 0, "given", "given");
    }

    /** (max - min) / peak: how far the rounds spread. */
    public double spread() {
        return perCore > 0 ? (max - min) / perCore : 0;
    }
}
