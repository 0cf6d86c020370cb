package raypool.engine.schedule;

/**
 * What one frame cost, per worker thread: wall-clock busy time and CPU time (which other load on the
 * machine disturbs far less), and which thread rendered each row. Reused frame after frame by the pool,
 * so reading it after {@link RenderPool#render} and before the next frame is the caller's job.
 */
public final class FrameTiming {

    public final long[] busyNanos;
    public final long[] cpuNanos;
    /** Thread index that rendered each row: what a stripe map draws. */
    public final int[] rowOwner;
    public long wallNanos;

    FrameTiming(int threads, int height) {
        busyNanos = new long[threads];
        cpuNanos = new long[threads];
        rowOwner = new int[height];
    }

    public int threads() {
        return busyNanos.length;
    }

    /** max / mean busy time over threads: 1.0 is perfect balance; the slowest thread sets the frame time. */
    public double imbalance() {
        return imbalanceOf(busyNanos);
    }

    /** max / mean of per-thread busy times; 1.0 when nothing was busy. */
    public static double imbalanceOf(long[] busyNanos) {
        long max = 0, sum = 0;
        for (long b : busyNanos) {
            max = Math.max(max, b);
            sum += b;
        }
        return sum == 0 ? 1.0 : (double) max * busyNanos.length / sum;
    }

    public long totalCpuNanos() {
        long sum = 0;
        for (long c : cpuNanos) {
            sum += c;
        }
        return sum;
    }

    public long maxCpuNanos() {
        long max = 0;
        for (long c : cpuNanos) {
            max = Math.max(max, c);
        }
        return max;
    }
}
