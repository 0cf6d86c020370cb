package raypool.render.view;

/**
 * Frames per second over the last second of frames, the way a person watching reads it: steadier than
 * one frame's time, quicker to follow a change of threads than an average since the start.
 */
public final class FrameRateMeter {

    static final long WINDOW_NANOS = 1_000_000_000L;
    private static final int CAPACITY = 1024;

    private final long[] ends = new long[CAPACITY];
    private int count;
    private int newest = -1;

    /** Records a frame that ended at {@code nanos} (System.nanoTime). */
    public void frameEnded(long nanos) {
        newest = (newest + 1) % CAPACITY;
        ends[newest] = nanos;
        count = Math.min(count + 1, CAPACITY);
    }

    /** Forgets the past, e.g. when the threads change and old frames say nothing of the new speed. */
    public void reset() {
        count = 0;
        newest = -1;
    }

    /** Frames per second over the frames that ended within the last second; 0 before two frames. */
    public double fps() {
        if (count < 2) {
            return 0;
        }
        long last = ends[newest];
        int frames = 1;
        long first = last;
        for (int i = 1; i < count; i++) {
            long end = ends[Math.floorMod(newest - i, CAPACITY)];
            if (last - end > WINDOW_NANOS && frames >= 2) {
                break;
            }
            first = end;
            frames++;
        }
        return first == last ? 0 : (frames - 1) * 1e9 / (last - first);
    }
}
