package raypool.render.stripes;

import raypool.engine.schedule.FrameTiming;
import raypool.engine.schedule.StripePolicy;

/**
 * Who rendered which rows of one frame and how long each thread was busy: the data of a stripe map. A
 * copy, because the render pool reuses its {@link FrameTiming} for the next frame.
 */
public record FrameStripes(StripePolicy policy, int[] rowOwner, long[] busyNanos) {

    public FrameStripes {
        rowOwner = rowOwner.clone();
        busyNanos = busyNanos.clone();
        for (int row = 0; row < rowOwner.length; row++) {
            if (rowOwner[row] < 0 || rowOwner[row] >= busyNanos.length) {
                throw new IllegalArgumentException("row " + row + " owned by thread " + rowOwner[row]
                    + " of " + busyNanos.length);
            }
        }
    }

    public static FrameStripes of(StripePolicy policy, FrameTiming timing) {
        return new FrameStripes(policy, timing.rowOwner, timing.busyNanos);
    }

    public int threads() {
        return busyNanos.length;
    }

    /** max / mean busy time, as {@link FrameTiming#imbalance()} defines it. */
    public double imbalance() {
        return FrameTiming.imbalanceOf(busyNanos);
    }

    public long maxBusyNanos() {
        long max = 0;
        for (long b : busyNanos) {
            max = Math.max(max, b);
        }
        return max;
    }
}
