package raypool.bench.compare;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One measured result as {@code raybench compare} shows it, with its ratios against the base row.
 *
 * @param mixed why this row is not comparable with the base (another scene or size, or not verified),
 *              present only with --allow-mixed
 */
public record CompareRow(Path file, What what, Figures figures, boolean verified, int framesVerified,
                         Optional<String> mixed, Ratios ratios, List<SweepCurvePoint> sweep) {

    /**
     * What ran where.
     *
     * @param host CPU model and logical CPUs
     * @param isa  the kernel's ISA and lanes (e.g. avx2-8); for older results what their file allows
     */
    public record What(String host, String isa, String kernel, String policy, int threads, String scene, String size) {
    }

    /**
     * @param fpsPerThread FPS from CPU time divided by threads: what one core does
     * @param efficiency   parallel efficiency of the largest sweep point, when the result has a sweep
     */
    public record Figures(double fpsMedian, double fpsMin, double fpsMax, double fpsFromCpu, double mraysPerS,
                          double fpsPerThread, Optional<Double> efficiency, double fractionOfPeak) {
    }

    /** Against the base row: FPS (median, wall) and FPS per thread. */
    public record Ratios(double fps, double perThread) {
    }

    /** One point of a sweep, for the overlaid speedup curves. */
    public record SweepCurvePoint(int threads, double fps, double speedup, double efficiency) {
    }
}
