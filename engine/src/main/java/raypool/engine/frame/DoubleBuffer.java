package raypool.engine.frame;

/**
 * Two frames: kernels fill the back one while viewers read the front one, which is always a whole
 * frame. {@link #publish()} swaps them once the back frame is complete. One renderer thread calls
 * publish; any thread may read {@link #front()}.
 */
public final class DoubleBuffer {

    private final FrameBuffer[] frames;
    private volatile int frontIndex;
    private volatile long publishedFrames;

    public DoubleBuffer(int width, int height) {
        frames = new FrameBuffer[] {new FrameBuffer(width, height), new FrameBuffer(width, height)};
    }

    public FrameBuffer back() {
        return frames[1 - frontIndex];
    }

    public FrameBuffer front() {
        return frames[frontIndex];
    }

    /** Makes the back frame the front one; the old front becomes the next back frame. */
    public void publish() {
        frontIndex = 1 - frontIndex;
        publishedFrames++;
    }

    public long publishedFrames() {
        return publishedFrames;
    }
}
