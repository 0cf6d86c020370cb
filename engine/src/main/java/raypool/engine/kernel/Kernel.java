package raypool.engine.kernel;

import raypool.engine.compile.CompiledScene;
import raypool.engine.frame.FrameBuffer;

/**
 * Renders rows of a frame. One instance per worker thread (it may keep per-thread scratch), so
 * implementations need not be thread-safe; they must not allocate in {@link #renderRows}, and a pixel's
 * value must depend only on the scene and the pixel, never on which rows were rendered with it: that is
 * what makes images bit-identical across thread counts and stripe policies.
 */
public interface Kernel {

    /** Renders rows from, from+step, ... below {@code to} into {@code target}, counting work into counts. */
    void renderRows(CompiledScene scene, FrameBuffer target, int from, int to, int step, RayCounts counts);
}
