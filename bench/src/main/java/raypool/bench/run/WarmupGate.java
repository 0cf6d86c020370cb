package raypool.bench.run;

import java.util.Arrays;

/**
 * Decides when warm-up is over: after a minimum number of frames, as soon as the median frame time of
 * the last window is within a tolerance of the window before it (the JIT has stopped changing the
 * code much), or at a hard limit. Frame times are CPU times of the slowest thread, which other load
 * on a shared machine disturbs far less than wall time.
 */
public final class WarmupGate {

    private final int minimum;
    private final int window;
    private final double tolerance;
    private final int limit;
    private final long[] recent;
    private int seen;

    public WarmupGate(int minimum, int window, double tolerance, int limit) {
        this.minimum = minimum;
        this.window = window;
        this.tolerance = tolerance;
        this.limit = Math.max(limit, minimum);
        this.recent = new long[2 * window];
    }

    /** Records one warm-up frame's time; true when warm-up should stop. */
    public boolean settledAfter(long frameNanos) {
        System.arraycopy(recent, 1, recent, 0, recent.length - 1);
        recent[recent.length - 1] = frameNanos;
        seen++;
        if (seen < minimum) {
            return false;
        }
        return seen >= limit || isSettled();
    }

    /** Whether the last two windows agree; false until two whole windows have been seen. */
    public boolean isSettled() {
        if (seen < recent.length) {
            return false;
        }
        long before = median(Arrays.copyOfRange(recent, 0, window));
        long last = median(Arrays.copyOfRange(recent, window, 2 * window));
        return Math.abs(last - before) <= tolerance * before;
    }

    public int framesSeen() {
        return seen;
    }

    private static long median(long[] values) {
        Arrays.sort(values);
        return values[values.length / 2];
    }
}
