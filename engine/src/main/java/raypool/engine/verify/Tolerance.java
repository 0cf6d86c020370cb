package raypool.engine.verify;

import raypool.engine.frame.FrameComparison;
import raypool.engine.kernel.KernelKind;

/**
 * How close a frame must be to the scalar reference: at most {@code maxChannelDiff} per channel on at
 * least {@code requiredFraction} of the pixels.
 */
public record Tolerance(int maxChannelDiff, double requiredFraction) {

    /** Kernels in float: rounding moves a channel by one now and then, a grazing ray at a silhouette more. */
    public static final Tolerance FLOAT_KERNEL = new Tolerance(FrameComparison.DEFAULT_TOLERANCE,
        FrameComparison.REQUIRED_SHARE);
    /** The reference itself, rendered again (threads, stripes): bit-identical. */
    public static final Tolerance EXACT = new Tolerance(0, 1.0);

    public static Tolerance forKernel(KernelKind kernel) {
        return kernel == KernelKind.SCALAR ? EXACT : FLOAT_KERNEL;
    }
}
