package raypool.engine.verify;

import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.frame.FrameComparison;
import raypool.engine.kernel.RayCounts;
import raypool.engine.kernel.ScalarKernel;
import raypool.engine.scene.AnimatedScene;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks rendered frames against the scalar reference kernel, re-rendered on one thread. Every command
 * that renders (the benchmark, its sweeps, the GIF, the live view, the stripe maps) checks frames this
 * way, and more than one: a kernel that is right before the JIT compiles it and wrong after (as the SIMD
 * kernel once was on AVX2 hosts) gets the first frame right and every later one wrong, and a frame that
 * is not written at all keeps whatever an earlier frame left in its buffer.
 */
public final class ReferenceCheck {

    private ReferenceCheck() {
    }

    /** Checks every frame kept, with the tolerance of the kernel that rendered it. */
    public static ImageChecks checkAll(AnimatedScene scene, List<RenderedFrame> frames) {
        List<FrameCheck> checks = new ArrayList<>();
        for (RenderedFrame f : frames) {
            checks.add(check(scene, f.frameIndex(), f.frame(), Tolerance.forKernel(f.kernel())));
        }
        return new ImageChecks(checks);
    }

    /** Compares {@code frame} with the reference render of frame {@code frameIndex} of {@code scene}. */
    public static FrameCheck check(AnimatedScene scene, int frameIndex, FrameBuffer frame, Tolerance tolerance) {
        FrameBuffer reference = new FrameBuffer(frame.width(), frame.height());
        new ScalarKernel().renderRows(SceneCompiler.compile(scene.frame(frameIndex), frame.width(), frame.height()),
            reference, 0, frame.height(), 1, new RayCounts());
        FrameComparison diff = FrameComparison.of(frame, reference, tolerance.maxChannelDiff());
        return new FrameCheck(frameIndex, frame.sha256(), reference.sha256(), diff.maxChannelDiff(),
            diff.withinShare(), diff.withinShare() >= tolerance.requiredFraction());
    }

    /**
     * The frames of a run of {@code frames} consecutive frames (0-based positions) that are checked: the
     * first, the middle and the last, fewer when the run is shorter. The first catches a kernel wrong from
     * the start; the others one that goes wrong once compiled, and a buffer that keeps an old frame.
     */
    public static int[] samplePositions(int frames) {
        if (frames < 1) {
            throw new IllegalArgumentException("frames must be at least 1, got " + frames);
        }
        return Arrays.stream(new int[] {0, frames / 2, frames - 1}).distinct().toArray();
    }
}
