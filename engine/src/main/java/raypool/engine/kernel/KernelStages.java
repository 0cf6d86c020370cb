package raypool.engine.kernel;

import raypool.engine.compile.CompiledScene;
import raypool.engine.frame.FrameBuffer;

/**
 * Single stages of a kernel's work, for microbenchmarks (bench/src/jmh) that time them apart from the
 * rest of a frame. Each writes an image of its result, so a benchmark can verify what it timed against
 * the reference kernel. Same row contract as {@link Kernel#renderRows}.
 */
public interface KernelStages {

    /** Nearest hit of each primary ray: pixel = object index + 1, or 0 where the ray hits nothing. */
    void primaryHits(CompiledScene scene, FrameBuffer target, int from, int to, int step, RayCounts counts);

    /**
     * Shadow rays from each primary hit to every light: pixel = bit l set when light l is visible from
     * the hit point, 0 where the primary ray hits nothing.
     */
    void primaryShadows(CompiledScene scene, FrameBuffer target, int from, int to, int step, RayCounts counts);
}
