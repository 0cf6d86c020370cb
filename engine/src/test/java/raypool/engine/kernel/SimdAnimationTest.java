package raypool.engine.kernel;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import raypool.engine.compile.CompiledScene;
import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.frame.FrameComparison;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.schedule.RenderPool;
import raypool.engine.schedule.StripePlan;
import raypool.engine.schedule.StripePolicy;
import raypool.engine.testing.C2Compilations;
import raypool.engine.testing.C2Compilations.Method;
import raypool.engine.testing.IsaLevel;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The animated scene as raybench renders it, checked after C2 has compiled the kernel: the wrong AVX2
 * images appeared only then (before it, the interpreter and C1 run the Vector API as plain Java and got
 * them right), and only for frames other than the first, since a buffer that is not written keeps an
 * earlier frame. So the test first renders until JFR reports C2 compilations of the kernel's methods,
 * then a whole bounce, every frame into the same two buffers as raybench does, and checks frames from
 * the start, middle and end against the scalar reference and every frame across thread counts.
 */
@Tag("isa")
@ExtendWith(IsaLevel.class)
class SimdAnimationTest {

    private static final FiveSpheres FIVE = new FiveSpheres();
    private static final int W = 203, H = 150;

    @Test
    void aWholeBounceRenderedByCompiledCodeMatchesTheReferenceOnEveryThreadCount() {
        assumeTrue(SimdSupport.noSpeedReason().isEmpty(),
            () -> "raybench runs the scalar kernel here: " + SimdSupport.noSpeedReason().orElseThrow());
        int frames = FiveSpheres.BOUNCE_PERIOD_FRAMES;
        CompiledScene[] scenes = new CompiledScene[frames];
        for (int i = 0; i < frames; i++) {
            scenes[i] = SceneCompiler.compile(FIVE.frame(i), W, H);
        }
        try (var c2 = new C2Compilations();
             RenderPool one = new RenderPool(1, SimdKernel::new);
             RenderPool two = new RenderPool(2, SimdKernel::new)) {
            StripePlan oneThread = StripePlan.of(StripePolicy.DYNAMIC, 1, H);
            StripePlan twoThreads = StripePlan.of(StripePolicy.DYNAMIC, 2, H);
            FrameBuffer[] warm = {new FrameBuffer(W, H)};
            int[] next = {0};
            c2.runUntilCompiled(() -> one.render(scenes[next[0]++ % frames], warm[0], oneThread, new RayCounts()),
                Duration.ofSeconds(120), List.of(
                    new Method(SimdKernel.class, "renderRows"),
                    new Method(PacketIntersector.class, "nearest"),
                    new Method(PacketIntersector.class, "unblocked"),
                    new Method(PacketShader.class, "surface"),
                    new Method(PacketShader.class, "addLight")));

            // Two buffers reused frame after frame, as raybench's double buffer: a pixel a frame does not
            // write keeps an older frame's value and shows as a difference.
            FrameBuffer[] byOne = {new FrameBuffer(W, H), new FrameBuffer(W, H)};
            FrameBuffer[] byTwo = {new FrameBuffer(W, H), new FrameBuffer(W, H)};
            for (int i = 0; i < frames; i++) {
                FrameBuffer a = byOne[i % 2], b = byTwo[i % 2];
                one.render(scenes[i], a, oneThread, new RayCounts());
                two.render(scenes[i], b, twoThreads, new RayCounts());
                assertArrayEquals(a.pixels(), b.pixels(), "frame " + i + ": 1 and 2 threads differ");
                if (i == 1 || i == frames / 2 || i == frames - 1) {
                    FrameBuffer reference = new FrameBuffer(W, H);
                    new ScalarKernel().renderRows(scenes[i], reference, 0, H, 1, new RayCounts());
                    FrameComparison diff = FrameComparison.of(a, reference);
                    assertTrue(diff.acceptable(), "frame " + i + " at " + VectorIsa.current().label() + ": " + diff);
                    assertTrue(Arrays.stream(a.pixels()).allMatch(p -> p >>> 24 == 0xFF),
                        "frame " + i + ": every pixel written (opaque)");
                }
            }
        }
    }
}
