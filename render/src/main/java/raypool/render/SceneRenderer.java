package raypool.render;

import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.KernelKind;
import raypool.engine.kernel.RayCounts;
import raypool.engine.scene.AnimatedScene;
import raypool.engine.schedule.FrameTiming;
import raypool.engine.schedule.RenderPool;
import raypool.engine.schedule.StripePlan;
import raypool.engine.schedule.StripePolicy;

/**
 * Renders frames of an animated scene with a render pool, for the pictures made without a window (GIF,
 * stripe maps). Not a benchmark: it compiles each frame's scene on the calling thread like raybench does,
 * but keeps no statistics.
 */
public final class SceneRenderer implements AutoCloseable {

    private final AnimatedScene scene;
    private final KernelKind kernel;
    private final int width;
    private final int height;
    private final RenderPool pool;
    /** The pool adds each frame's ray counts here; pictures have no use for them. */
    private final RayCounts rays = new RayCounts();
    private StripePlan plan;

    public SceneRenderer(AnimatedScene scene, int width, int height, int threads, KernelKind kernel, StripePolicy policy) {
        this.scene = scene;
        this.kernel = kernel;
        this.width = width;
        this.height = height;
        this.pool = new RenderPool(threads, kernel::newKernel);
        this.plan = StripePlan.of(policy, threads, height);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int threads() {
        return pool.threads();
    }

    public AnimatedScene scene() {
        return scene;
    }

    public KernelKind kernel() {
        return kernel;
    }

    public void policy(StripePolicy policy) {
        plan = StripePlan.of(policy, pool.threads(), height);
    }

    /** Renders frame {@code index} into {@code target}; the timing is the pool's, valid until the next frame. */
    public FrameTiming render(int index, FrameBuffer target) {
        return pool.render(SceneCompiler.compile(scene.frame(index), width, height), target, plan, rays);
    }

    @Override
    public void close() {
        pool.close();
    }
}
