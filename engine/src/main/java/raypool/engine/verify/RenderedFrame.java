package raypool.engine.verify;

import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.KernelKind;

/**
 * A copy of one rendered frame, kept to be checked against the reference.
 *
 * @param frameIndex the frame's index in the scene's animation
 * @param kernel     the kernel that rendered it (it decides the tolerance)
 */
public record RenderedFrame(int frameIndex, KernelKind kernel, FrameBuffer frame) {

    /** A copy of {@code frame}, which its owner goes on rendering into. */
    public static RenderedFrame copyOf(int frameIndex, KernelKind kernel, FrameBuffer frame) {
        FrameBuffer copy = new FrameBuffer(frame.width(), frame.height());
        copy.copyFrom(frame);
        return new RenderedFrame(frameIndex, kernel, copy);
    }
}
