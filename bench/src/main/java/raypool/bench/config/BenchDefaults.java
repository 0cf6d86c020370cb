package raypool.bench.config;

/**
 * Every default of the raybench command in one place, with the reason for each value.
 */
public final class BenchDefaults {

    /** The original system's benchmark: five spheres, one moving. */
    public static final String SCENE = "five";
    /** The original system's resolution. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 600;
    /**
     * Dynamic stripes by default: the point of the benchmark is the host's capacity, and static stripes
     * measure the scene's imbalance (the original system's split is kept as --policy static).
     */
    public static final String POLICY = "dynamic";
    /**
     * The SIMD kernel: on this project's machine it renders a frame in ~1/7 of the scalar kernel's CPU
     * time (results/intel-xeon-avx512-2cpu/simd.md), and every run is verified against the scalar reference anyway. Where
     * the Vector API gives no speed (SimdSupport), raybench says so and runs the scalar kernel.
     */
    public static final String KERNEL = "simd";
    /** Measured frames: enough for a stable median and a p99 that means something. */
    public static final int FRAMES = 100;
    /** Minimum warm-up frames before the JIT-settled check starts looking. */
    public static final int WARMUP = 20;
    /** Warm-up ends when the median of the last WINDOW frames is within this of the window before. */
    public static final double SETTLED_TOLERANCE = 0.03;
    public static final int SETTLED_WINDOW = 5;
    /** Warm-up never runs longer than this many frames, settled or not (the result then says so). */
    public static final int WARMUP_LIMIT = 400;

    private BenchDefaults() {
    }

    /** Threads when --threads is not given: every logical CPU. */
    public static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
