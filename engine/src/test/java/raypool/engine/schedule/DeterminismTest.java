package raypool.engine.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import raypool.engine.compile.CompiledScene;
import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.KernelKind;
import raypool.engine.kernel.RayCounts;
import raypool.engine.kernel.ScalarKernel;
import raypool.engine.scene.FiveSpheres;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Images are bit-identical whatever the thread count and stripe policy; timings are recorded. */
class DeterminismTest {

    private static final int W = 160, H = 121;

    static Stream<Arguments> setups() {
        return Stream.of(StripePolicy.values()).flatMap(p -> Stream.of(1, 2, 3, 7).map(t -> Arguments.of(p, t)));
    }

    @ParameterizedTest(name = "{0} x{1}")
    @MethodSource("setups")
    void imageIsBitIdenticalToSingleThreadedReference(StripePolicy policy, int threads) {
        for (int frame : new int[] {0, 31}) {
            CompiledScene scene = SceneCompiler.compile(new FiveSpheres().frame(frame), W, H);
            FrameBuffer reference = new FrameBuffer(W, H);
            RayCounts referenceCounts = new RayCounts();
            new ScalarKernel().renderRows(scene, reference, 0, H, 1, referenceCounts);

            FrameBuffer pooled = new FrameBuffer(W, H);
            RayCounts pooledCounts = new RayCounts();
            try (RenderPool pool = new RenderPool(threads, KernelKind.SCALAR::newKernel)) {
                FrameTiming timing = pool.render(scene, pooled, StripePlan.of(policy, threads, H), pooledCounts);
                assertTrue(timing.imbalance() >= 1.0);
                assertTrue(Arrays.stream(timing.rowOwner).allMatch(o -> o >= 0 && o < threads));
                assertTrue(Arrays.stream(timing.busyNanos).allMatch(b -> b >= 0));
            }
            assertArrayEquals(reference.pixels(), pooled.pixels(), "frame " + frame);
            assertEquals(referenceCounts.rays(), pooledCounts.rays(), "same work whatever the split");
        }
    }

    @Test
    void poolRendersManyFramesAndStaticStripesAreOwnedByTheirThread() {
        CompiledScene scene = SceneCompiler.compile(new FiveSpheres().frame(3), W, H);
        try (RenderPool pool = new RenderPool(3, KernelKind.SCALAR::newKernel)) {
            FrameBuffer target = new FrameBuffer(W, H);
            StripePlan plan = StripePlan.of(StripePolicy.STATIC, 3, H);
            FrameTiming timing = null;
            for (int i = 0; i < 5; i++) {
                timing = pool.render(scene, target, plan, new RayCounts());
            }
            assertEquals(0, timing.rowOwner[0]);
            assertEquals(1, timing.rowOwner[H / 2]);
            assertEquals(2, timing.rowOwner[H - 1]);
        }
    }

    @Test
    void aPlanForAnotherThreadCountIsRefused() {
        try (RenderPool pool = new RenderPool(2, KernelKind.SCALAR::newKernel)) {
            var scene = SceneCompiler.compile(new FiveSpheres().frame(0), W, H);
            assertThrows(IllegalArgumentException.class,
                () -> pool.render(scene, new FrameBuffer(W, H), StripePlan.of(StripePolicy.DYNAMIC, 3, H), new RayCounts()));
        }
    }

    @Test
    void aFailingKernelIsReportedToTheCallerNotSwallowed() {
        try (RenderPool pool = new RenderPool(2, () -> (s, t, from, to, step, c) -> {
            throw new ArithmeticException("boom");
        })) {
            var scene = SceneCompiler.compile(new FiveSpheres().frame(0), W, H);
            var e = assertThrows(IllegalStateException.class,
                () -> pool.render(scene, new FrameBuffer(W, H), StripePlan.of(StripePolicy.STATIC, 2, H), new RayCounts()));
            assertTrue(e.getMessage().contains("boom"));
        }
    }
}
