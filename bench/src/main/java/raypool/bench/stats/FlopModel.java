package raypool.bench.stats;

import raypool.engine.kernel.RayCounts;

/**
 * How many floating-point operations a frame's counted work stands for, by the operation counts of the
 * scalar algorithm (an FMA counts 2, as in peak figures):
 * <pre>
 *   flops = 16 x intersection tests + 24 x shaded hits + 45 x shadow rays
 * </pre>
 * A ray-sphere test is ~16 flops (dot products, discriminant), shading a hit ~24 (hit point, normal,
 * mirror direction), each light ~45 (direction, normalisation, diffuse, highlight). The counts are the
 * scalar algorithm's work, which the SIMD kernel counts the same way (its masked-off lanes are not
 * counted), so GFLOP/s measures useful work, not instructions issued. For five.scn this is ~700
 * flops per pixel, 0.34 GFLOP per 800x600 frame.
 */
public final class FlopModel {

    /** The model in words, as result files record it. */
    public static final String DESCRIPTION = "16 x intersection_tests + 24 x shaded_hits + 45 x shadow rays";

    public static final int FLOPS_PER_TEST = 16;
    public static final int FLOPS_PER_SHADED_HIT = 24;
    public static final int FLOPS_PER_SHADOW_RAY = 45;

    private FlopModel() {
    }

    public static double flops(RayCounts counts) {
        return (double) FLOPS_PER_TEST * counts.intersectionTests
            + (double) FLOPS_PER_SHADED_HIT * counts.shadedHits
            + (double) FLOPS_PER_SHADOW_RAY * counts.shadow;
    }
}
