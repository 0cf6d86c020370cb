package raypool.bench.jmh;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import raypool.engine.compile.CompiledScene;
import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.frame.FrameComparison;
import raypool.engine.kernel.Kernel;
import raypool.engine.kernel.KernelKind;
import raypool.engine.kernel.RayCounts;
import raypool.engine.kernel.ScalarKernel;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.schedule.RenderPool;
import raypool.engine.schedule.StripePlan;
import raypool.engine.schedule.StripePolicy;

import java.util.function.Supplier;

/**
 * One kernel rendering one stage of the benchmark scene (five, frame 0, 800x600) on a pool of worker
 * threads with dynamic stripes, as raybench does. The inputs (compiled scene, plan, pool, target) are
 * built once per trial; each benchmark invocation renders one image. At the end of the trial the last
 * image is checked against the scalar reference of the same stage, so a benchmark that timed wrong
 * work fails instead of reporting a number.
 */
@State(Scope.Benchmark)
public abstract class KernelState {

    static final int WIDTH = 800;
    static final int HEIGHT = 600;

    @Param({"scalar", "simd"})
    public String kernel;

    @Param({"1", "2"})
    public int threads;

    CompiledScene scene;
    FrameBuffer target;
    StripePlan plan;
    RenderPool pool;
    RayCounts counts;
    private FrameBuffer reference;

    /** A kernel that renders this state's stage with the given kernel. */
    abstract Kernel stage(Kernel kernel);

    /** Per-channel tolerance against the reference (0 for images of object indices or light bits). */
    abstract int tolerance();

    @Setup
    public void setUp() {
        scene = SceneCompiler.compile(new FiveSpheres().frame(0), WIDTH, HEIGHT);
        target = new FrameBuffer(WIDTH, HEIGHT);
        plan = StripePlan.of(StripePolicy.DYNAMIC, threads, HEIGHT);
        KernelKind kind = KernelKind.parse(kernel);
        Supplier<Kernel> perThread = () -> stage(kind.newKernel());
        pool = new RenderPool(threads, perThread);
        counts = new RayCounts();
        reference = new FrameBuffer(WIDTH, HEIGHT);
        stage(new ScalarKernel()).renderRows(scene, reference, 0, HEIGHT, 1, new RayCounts());
    }

    FrameBuffer render() {
        pool.render(scene, target, plan, counts);
        return target;
    }

    @TearDown
    public void checkAndClose() {
        pool.close();
        FrameComparison c = FrameComparison.of(target, reference, tolerance());
        boolean exact = kernel.equals("scalar");
        if (exact ? c.overTolerance() != 0 : !c.acceptable()) {
            throw new IllegalStateException(getClass().getSimpleName() + " with " + kernel + " on " + threads
                + " threads rendered a wrong image: " + c);
        }
    }
}
