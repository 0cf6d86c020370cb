package raypool.opencl;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import raypool.engine.compile.CompiledScene;
import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.Kernel;
import raypool.engine.kernel.KernelKind;
import raypool.engine.kernel.RayCounts;
import raypool.engine.kernel.ScalarKernel;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.scene.Material;
import raypool.engine.scene.Plane;
import raypool.engine.scene.Scene;
import raypool.engine.scene.Vec3;
import raypool.engine.schedule.RenderPool;
import raypool.engine.schedule.StripePlan;
import raypool.engine.schedule.StripePolicy;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The OpenCL kernel against the scalar reference on the benchmark scene, on device 0 (PoCL in CI). */
class OpenClImageTest {

    private static final int WIDTH = 800, HEIGHT = 600;
    private static final FiveSpheres FIVE = new FiveSpheres();
    private static OpenClSession session;

    @BeforeAll
    static void open() {
        session = OpenClRequired.openDevice0();
        System.out.println("OpenCL device: " + session.description() + "; build options: " + session.buildOptions());
    }

    @AfterAll
    static void close() {
        if (session != null) {
            session.close();
        }
    }

    @ParameterizedTest(name = "frame {0}, {1} stripes for {2} threads")
    @CsvSource({"0, static, 1", "0, interleaved, 2", "23, dynamic, 2", "48, static, 2", "71, interleaved, 3"})
    void framesVerifyAgainstScalarWhicheverWayTheRowsAreSplit(int frame, String policy, int threads) {
        CompiledScene scene = SceneCompiler.compile(FIVE.frame(frame), WIDTH, HEIGHT);
        RayCounts scalarCounts = new RayCounts();
        FrameBuffer reference = render(new ScalarKernel(), scene, StripePlan.of(StripePolicy.STATIC, 1, HEIGHT), scalarCounts);

        RayCounts openclCounts = new RayCounts();
        FrameBuffer ours = render(session.newKernel(), scene, StripePlan.of(StripePolicy.parse(policy), threads, HEIGHT), openclCounts);

        ImageComparison diff = ImageComparison.of(ours, reference);
        System.out.println("frame " + frame + " " + policy + "/" + threads + ": " + diff);
        assertTrue(diff.verifies(), diff.toString());
        // The device counts rays on the same basis; a pixel whose path differs may shift a few counts.
        assertEquals(scalarCounts.primary, openclCounts.primary);
        assertClose(scalarCounts.reflection, openclCounts.reflection, "reflection rays");
        assertClose(scalarCounts.shadow, openclCounts.shadow, "shadow rays");
        assertClose(scalarCounts.intersectionTests, openclCounts.intersectionTests, "intersection tests");
        assertClose(scalarCounts.shadedHits, openclCounts.shadedHits, "shaded hits");
    }

    @Test
    void theFloatKernelVerifiesToo() {
        try (OpenClSession floats = OpenClSession.open(0, Precision.FLOAT)) {
            for (int frame : new int[] {0, 48}) {
                CompiledScene scene = SceneCompiler.compile(FIVE.frame(frame), WIDTH, HEIGHT);
                FrameBuffer reference = render(new ScalarKernel(), scene, StripePlan.of(StripePolicy.STATIC, 1, HEIGHT), new RayCounts());
                RayCounts counts = new RayCounts();
                FrameBuffer ours = render(floats.newKernel(), scene, StripePlan.of(StripePolicy.DYNAMIC, 2, HEIGHT), counts);
                ImageComparison diff = ImageComparison.of(ours, reference);
                System.out.println("float, frame " + frame + ": " + diff);
                assertTrue(diff.verifies(), "float kernel, frame " + frame + ": " + diff);
                assertEquals((long) WIDTH * HEIGHT, counts.primary);
            }
        }
    }

    /** The benchmark scene has no plane; this one has a floor plane and a reflecting wall, in both precisions. */
    @Test
    void planesVerifyInDoubleAndFloat() {
        Scene five = FIVE.frame(12);
        Scene withPlanes = new Scene(five.spheres().subList(1, five.spheres().size()),
            List.of(new Plane(new Vec3(0, 0, 0), new Vec3(0, 1, 0), new Material(0.5, 0.5, 0.5, 0, 0.3)),
                new Plane(new Vec3(0, 0, 12), new Vec3(0, 0, -1), new Material(0.6, 0.2, 0.2, 20, 0.2))),
            five.lights(), five.camera());
        CompiledScene scene = SceneCompiler.compile(withPlanes, WIDTH, HEIGHT);
        assertEquals(2, scene.planeCount);
        FrameBuffer reference = render(new ScalarKernel(), scene, StripePlan.of(StripePolicy.STATIC, 1, HEIGHT), new RayCounts());
        try (OpenClSession floats = OpenClSession.open(0, Precision.FLOAT)) {
            for (OpenClSession s : List.of(session, floats)) {
                FrameBuffer ours = render(s.newKernel(), scene, StripePlan.of(StripePolicy.INTERLEAVED, 2, HEIGHT), new RayCounts());
                ImageComparison diff = ImageComparison.of(ours, reference);
                System.out.println("planes, " + s.precision() + ": " + diff);
                assertTrue(diff.verifies(), s.precision() + ": " + diff);
            }
        }
    }

    @Test
    void pixelsDoNotDependOnWhichRowsAreLaunchedTogether() {
        CompiledScene scene = SceneCompiler.compile(FIVE.frame(11), WIDTH, HEIGHT);
        Kernel kernel = session.newKernel();
        FrameBuffer oneLaunch = render(kernel, scene, StripePlan.of(StripePolicy.STATIC, 1, HEIGHT), new RayCounts());
        FrameBuffer rowByRow = render(kernel, scene, StripePlan.of(StripePolicy.INTERLEAVED, HEIGHT, HEIGHT), new RayCounts());
        FrameBuffer stripes = render(kernel, scene, StripePlan.of(StripePolicy.DYNAMIC, 3, HEIGHT), new RayCounts());
        assertArrayEquals(oneLaunch.pixels(), rowByRow.pixels());
        assertArrayEquals(oneLaunch.pixels(), stripes.pixels());
    }

    @Test
    void laterFramesUploadOnlyTheMovingSphereAndStillVerify() {
        Kernel kernel = session.newKernel();
        render(kernel, SceneCompiler.compile(FIVE.frame(0), WIDTH, HEIGHT), StripePlan.of(StripePolicy.STATIC, 1, HEIGHT), new RayCounts());
        long before = session.uploadedFloats();

        CompiledScene moved = SceneCompiler.compile(FIVE.frame(30), WIDTH, HEIGHT);
        FrameBuffer ours = render(kernel, moved, StripePlan.of(StripePolicy.STATIC, 2, HEIGHT), new RayCounts());

        // Only the bouncing sphere's height and with it its K change: the span y..K of its floats.
        assertEquals(4, session.uploadedFloats() - before);
        FrameBuffer reference = render(new ScalarKernel(), moved, StripePlan.of(StripePolicy.STATIC, 1, HEIGHT), new RayCounts());
        ImageComparison diff = ImageComparison.of(ours, reference);
        assertTrue(diff.verifies(), diff.toString());
    }

    @Test
    void smallOddSizedFramesWhoseRowsDoNotFillAWorkGroupVerify() {
        CompiledScene scene = SceneCompiler.compile(FIVE.frame(5), 77, 31);
        FrameBuffer reference = render(new ScalarKernel(), scene, StripePlan.of(StripePolicy.STATIC, 1, 31), new RayCounts());
        FrameBuffer ours = render(session.newKernel(), scene, StripePlan.of(StripePolicy.INTERLEAVED, 2, 31), new RayCounts());
        ImageComparison diff = ImageComparison.of(ours, reference);
        assertTrue(diff.verifies(), diff.toString());
    }

    @Test
    void workerThreadsOfTheRenderPoolShareOneDeviceAcrossFrames() {
        try (var factory = KernelKind.OPENCL.open(0);
             var pool = new RenderPool(2, factory::newKernel)) {
            for (int frame : new int[] {0, 17, 40}) {
                CompiledScene scene = SceneCompiler.compile(FIVE.frame(frame), WIDTH, HEIGHT);
                FrameBuffer ours = new FrameBuffer(WIDTH, HEIGHT);
                RayCounts counts = new RayCounts();
                pool.render(scene, ours, StripePlan.of(StripePolicy.DYNAMIC, 2, HEIGHT), counts);
                FrameBuffer reference = render(new ScalarKernel(), scene, StripePlan.of(StripePolicy.STATIC, 1, HEIGHT), new RayCounts());
                ImageComparison diff = ImageComparison.of(ours, reference);
                assertTrue(diff.verifies(), "frame " + frame + ": " + diff);
                assertEquals((long) WIDTH * HEIGHT, counts.primary);
            }
        }
    }

    /** Renders every item of the plan with one kernel, in order, as the pool's threads would between them. */
    static FrameBuffer render(Kernel kernel, CompiledScene scene, StripePlan plan, RayCounts counts) {
        FrameBuffer frame = new FrameBuffer(scene.width, scene.height);
        for (int i = 0; i < plan.items(); i++) {
            kernel.renderRows(scene, frame, plan.from()[i], plan.to()[i], plan.step()[i], counts);
        }
        return frame;
    }

    private static void assertClose(long expected, long actual, String what) {
        assertTrue(Math.abs(expected - actual) <= expected / 10_000 + 2,
            what + ": scalar " + expected + ", OpenCL " + actual);
    }
}
