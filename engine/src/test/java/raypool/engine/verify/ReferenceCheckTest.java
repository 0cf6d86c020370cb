package raypool.engine.verify;

import org.junit.jupiter.api.Test;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.KernelKind;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.testing.Renders;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceCheckTest {

    private static final FiveSpheres FIVE = new FiveSpheres();

    @Test
    void theReferenceRenderedAgainIsExactlyRight() {
        FrameBuffer frame = Renders.scalar(FIVE.frame(40), 64, 48);
        FrameCheck check = ReferenceCheck.check(FIVE, 40, frame, Tolerance.EXACT);
        assertTrue(check.verified());
        assertEquals(0, check.maxChannelDiff());
        assertEquals(check.sha256(), check.referenceSha256());
    }

    @Test
    void aFrameOfAnotherMomentOfTheAnimationIsWrong() {
        // What a kernel that stops writing pixels leaves: an earlier frame, the bouncing sphere elsewhere.
        FrameBuffer stale = Renders.scalar(FIVE.frame(5), 96, 72);
        FrameCheck check = ReferenceCheck.check(FIVE, 40, stale, Tolerance.FLOAT_KERNEL);
        assertFalse(check.verified());
        assertTrue(check.maxChannelDiff() > 50, "the sphere moved: " + check);
    }

    @Test
    void allChecksMustPassAndTheWorstFiguresAreReported() {
        FrameBuffer right = Renders.scalar(FIVE.frame(0), 64, 48);
        FrameBuffer wrong = Renders.scalar(FIVE.frame(48), 64, 48);
        ImageChecks checks = ReferenceCheck.checkAll(FIVE, List.of(
            new RenderedFrame(0, KernelKind.SIMD, right), new RenderedFrame(30, KernelKind.SIMD, wrong)));
        assertFalse(checks.verified());
        assertEquals(1, checks.framesVerified());
        assertEquals(checks.frames().get(1).maxChannelDiff(), checks.maxChannelDiff());
        assertTrue(checks.summary().startsWith("NOT VERIFIED"), checks.summary());
        assertTrue(checks.summary().contains("30 (wrong)"), checks.summary());
    }

    @Test
    void samplesTheFirstMiddleAndLastFrame() {
        assertArrayEquals(new int[] {0}, ReferenceCheck.samplePositions(1));
        assertArrayEquals(new int[] {0, 1}, ReferenceCheck.samplePositions(2));
        assertArrayEquals(new int[] {0, 1, 2}, ReferenceCheck.samplePositions(3));
        assertArrayEquals(new int[] {0, 50, 99}, ReferenceCheck.samplePositions(100));
        assertTrue(Arrays.stream(ReferenceCheck.samplePositions(7)).allMatch(p -> p >= 0 && p < 7));
    }
}
