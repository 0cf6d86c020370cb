package raypool.opencl.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import raypool.engine.compile.CompiledScene;
import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.Kernel;
import raypool.engine.kernel.KernelFactory;
import raypool.engine.kernel.KernelKind;
import raypool.engine.kernel.RayCounts;
import raypool.engine.kernel.ScalarKernel;
import raypool.engine.scene.FiveSpheres;

import java.util.concurrent.TimeUnit;

/**
 * One whole frame of the benchmark scene per operation, by each kernel, on the same frames: one bounce
 * of the animation (96 frames) compiled up front and cycled through. One calling thread: for an
 * in-process kernel that is one core; for OpenCL it is one launch per frame, spread by the driver over
 * the device (PoCL: every core). Run it with {@code scripts/jmh-opencl}; add kernels with
 * {@code -p kernel=scalar,simd,opencl}.
 *
 * <p>The benchmark checks its own output after the trial: frame 0 rendered by the kernel under test must
 * match the scalar reference to within 2 per channel on 99.9% of pixels, or the trial fails.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class FrameBenchmark {

    private static final int WIDTH = 800, HEIGHT = 600;

    @Param({"scalar", "opencl"})
    public String kernel;

    @Param({"0"})
    public int device;

    private KernelFactory factory;
    private Kernel renderer;
    private CompiledScene[] frames;
    private FrameBuffer target;
    private RayCounts counts;
    private int next;

    @Setup(Level.Trial)
    public void open() {
        FiveSpheres five = new FiveSpheres();
        frames = new CompiledScene[FiveSpheres.BOUNCE_PERIOD_FRAMES];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = SceneCompiler.compile(five.frame(i), WIDTH, HEIGHT);
        }
        factory = KernelKind.parse(kernel).open(device);
        renderer = factory.newKernel();
        target = new FrameBuffer(WIDTH, HEIGHT);
        counts = new RayCounts();
    }

    @Benchmark
    public int frame() {
        CompiledScene scene = frames[next];
        next = next + 1 == frames.length ? 0 : next + 1;
        renderer.renderRows(scene, target, 0, HEIGHT, 1, counts);
        // A pixel from the middle of the frame: the rendering cannot be optimised away.
        return target.pixels()[HEIGHT / 2 * WIDTH + WIDTH / 2];
    }

    @TearDown(Level.Trial)
    public void verifyAndClose() {
        try {
            FrameBuffer ours = new FrameBuffer(WIDTH, HEIGHT);
            FrameBuffer reference = new FrameBuffer(WIDTH, HEIGHT);
            renderer.renderRows(frames[0], ours, 0, HEIGHT, 1, new RayCounts());
            new ScalarKernel().renderRows(frames[0], reference, 0, HEIGHT, 1, new RayCounts());
            int within2 = 0;
            for (int i = 0; i < ours.pixels().length; i++) {
                within2 += maxChannelDiff(ours.pixels()[i], reference.pixels()[i]) <= 2 ? 1 : 0;
            }
            if (within2 < ours.pixels().length * 0.999) {
                throw new IllegalStateException(factory.description() + ": only " + within2 + " of "
                    + ours.pixels().length + " pixels within 2 per channel of the scalar reference");
            }
            System.out.println("verified: " + factory.description() + ", " + within2 + " of " + ours.pixels().length
                + " pixels within 2 per channel of the scalar reference");
        } finally {
            factory.close();
        }
    }

    private static int maxChannelDiff(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }
}
