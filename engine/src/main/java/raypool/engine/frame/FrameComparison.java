package raypool.engine.frame;

/**
 * How far one frame is from a reference, per 8-bit channel: the largest difference and how many pixels
 * differ by more than a tolerance. Kernels in float are verified against the double-precision reference
 * this way (rounding moves a channel by one now and then; a wrong hit moves it by tens).
 *
 * @param pixels         pixels compared
 * @param overTolerance  pixels where some channel differs by more than the tolerance
 * @param maxChannelDiff the largest difference of any channel of any pixel
 * @param tolerance      the per-channel tolerance used
 */
public record FrameComparison(int pixels, int overTolerance, int maxChannelDiff, int tolerance) {

    /** The project's bar for float kernels: within 2 per channel on at least 99.9% of pixels. */
    public static final int DEFAULT_TOLERANCE = 2;
    public static final double REQUIRED_SHARE = 0.999;

    public static FrameComparison of(FrameBuffer frame, FrameBuffer reference) {
        return of(frame, reference, DEFAULT_TOLERANCE);
    }

    public static FrameComparison of(FrameBuffer frame, FrameBuffer reference, int tolerance) {
        if (frame.width() != reference.width() || frame.height() != reference.height()) {
            throw new IllegalArgumentException("frame sizes differ: " + frame.width() + "x" + frame.height()
                + " against " + reference.width() + "x" + reference.height());
        }
        int[] a = frame.pixels();
        int[] b = reference.pixels();
        int over = 0;
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            int diff = channelDiff(a[i], b[i]);
            max = Math.max(max, diff);
            if (diff > tolerance) {
                over++;
            }
        }
        return new FrameComparison(a.length, over, max, tolerance);
    }

    /** Share of pixels within the tolerance on every channel. */
    public double withinShare() {
        return 1.0 - (double) overTolerance / pixels;
    }

    /** Whether the frame meets the bar: at least 99.9% of pixels within the tolerance. */
    public boolean acceptable() {
        return withinShare() >= REQUIRED_SHARE;
    }

    private static int channelDiff(int p, int q) {
        int max = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            max = Math.max(max, Math.abs(((p >>> shift) & 0xFF) - ((q >>> shift) & 0xFF)));
        }
        return max;
    }
}
