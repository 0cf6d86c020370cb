package raypool.render.view;

import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.DoubleBuffer;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.RayCounts;
import raypool.engine.scene.AnimatedScene;
import raypool.engine.schedule.FrameTiming;
import raypool.engine.schedule.RenderPool;
import raypool.engine.schedule.StripePlan;

import raypool.engine.verify.ReferenceCheck;
import raypool.engine.verify.RenderedFrame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders frames one after another on its own thread, with the settings the keys choose, while the
 * window thread shows them.
 *
 * <p>Buffered, a frame is rendered into the back buffer and published whole, so the window only ever
 * shows complete frames. Unbuffered, the back buffer is cleared to {@link #UNDRAWN} and the window shows
 * it while the workers fill it, so each stripe appears as it completes: the original system's view of
 * its 80 cores at work. The window reads pixels the workers are writing; for a picture that is meant to
 * show work in progress, that race is the point, and int writes cannot tear.
 */
public final class RenderLoop implements Runnable {

    /**
     * Without a frame limit, every this many frames a copy is kept as the last frame to check when the
     * window closes (a copy per frame would cost more than a small frame's render).
     */
    static final long LAST_FRAME_EVERY = 16;

    /** Rows not drawn yet, in unbuffered mode: a dark slate no row of the scene is ever entirely made of. */
    public static final int UNDRAWN = 0xFF1E2A38;

    private final AnimatedScene scene;
    private final int width;
    private final int height;
    private final AtomicReference<ViewSettings> wanted;
    private final long frameLimit;
    private final DoubleBuffer frames;
    private final RayCounts rays = new RayCounts();
    private final FrameRateMeter meter = new FrameRateMeter();
    /** Frames to keep for the check against the reference (with a frame limit: first, middle, last). */
    private final int[] checkedPositions;
    private final List<RenderedFrame> kept = new CopyOnWriteArrayList<>();
    private volatile RenderedFrame lastFrame;

    private volatile boolean stopping;
    private volatile boolean showBack;
    private volatile long framesDone;
    private volatile double fps;
    private volatile double secondsPerFrame;
    private volatile ViewSettings current;
    private volatile Throwable failure;

    /** @param frameLimit frames to render before stopping by itself; 0 renders until {@link #stop()}. */
    public RenderLoop(AnimatedScene scene, int width, int height, ViewSettings settings, long frameLimit) {
        this.scene = scene;
        this.width = width;
        this.height = height;
        this.wanted = new AtomicReference<>(settings);
        this.current = settings;
        this.frameLimit = frameLimit;
        this.frames = new DoubleBuffer(width, height);
        this.checkedPositions = frameLimit > 0 ? ReferenceCheck.samplePositions((int) Math.min(frameLimit,
            Integer.MAX_VALUE)) : new int[] {0};
    }

    /**
     * The frames to check against the reference once the loop has stopped: with a frame limit the first,
     * middle and last; without one the first and the last rendered. Empty before the first frame.
     */
    public List<RenderedFrame> framesToCheck() {
        List<RenderedFrame> all = new ArrayList<>(kept);
        RenderedFrame last = lastFrame;
        if (frameLimit == 0 && last != null && (all.isEmpty() || all.getLast().frameIndex() != last.frameIndex())) {
            all.add(last);
        }
        return all;
    }

    public AnimatedScene scene() {
        return scene;
    }

    /** Asks for new settings; the loop takes them up before its next frame. */
    public void apply(ViewCommand command) {
        wanted.updateAndGet(s -> s.after(command));
    }

    public ViewSettings wanted() {
        return wanted.get();
    }

    /** The frame the window should show now: the last complete one, or the one being drawn. */
    public FrameBuffer visible() {
        return showBack ? frames.back() : frames.front();
    }

    /** The figures of the frames so far, with the settings last asked for (shown at once, used from the next frame). */
    public ViewStats stats() {
        return new ViewStats(framesDone, fps, secondsPerFrame, wanted.get());
    }

    /** True once the frame limit is reached (never without one) or the loop failed. */
    public boolean finished() {
        return (frameLimit > 0 && framesDone >= frameLimit) || failure != null;
    }

    /** Why the loop stopped early, if it did. */
    public Throwable failure() {
        return failure;
    }

    public void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        RenderPool pool = null;
        try {
            while (!stopping && (frameLimit == 0 || framesDone < frameLimit)) {
                ViewSettings settings = wanted.get();
                if (pool == null || pool.threads() != settings.threads() || settings.kernel() != current.kernel()) {
                    RenderPool next;
                    try {
                        next = new RenderPool(settings.threads(), settings.kernel()::newKernel);
                    } catch (RuntimeException e) {
                        if (pool == null) {
                            throw e;
                        }
                        // A kernel this host cannot run (no OpenCL device, say) must not end the view.
                        System.err.println("raybench --view: kernel " + settings.kernel().label()
                            + " is not available here (" + e.getMessage() + "); staying with " + current.kernel().label());
                        wanted.set(new ViewSettings(settings.threads(), settings.policy(), current.kernel(), settings.buffered()));
                        continue;
                    }
                    if (pool != null) {
                        pool.close();
                    }
                    pool = next;
                    meter.reset();
                }
                if (settings.policy() != current.policy()) {
                    meter.reset();
                }
                current = settings;
                renderFrame(pool, settings);
            }
        } catch (Throwable e) {
            failure = e;
        } finally {
            if (pool != null) {
                pool.close();
            }
        }
    }

    private void renderFrame(RenderPool pool, ViewSettings settings) {
        var compiled = SceneCompiler.compile(scene.frame((int) (framesDone % Integer.MAX_VALUE)), width, height);
        StripePlan plan = StripePlan.of(settings.policy(), settings.threads(), height);
        FrameBuffer target = frames.back();
        if (!settings.buffered()) {
            Arrays.fill(target.pixels(), UNDRAWN);
        }
        showBack = !settings.buffered();
        FrameTiming timing = pool.render(compiled, target, plan, rays);
        int index = (int) (framesDone % Integer.MAX_VALUE);
        if (kept.size() < checkedPositions.length && checkedPositions[kept.size()] == index) {
            kept.add(RenderedFrame.copyOf(index, settings.kernel(), target));
        } else if (frameLimit == 0 && framesDone % LAST_FRAME_EVERY == 0) {
            lastFrame = RenderedFrame.copyOf(index, settings.kernel(), target);
        }
        if (settings.buffered()) {
            frames.publish();
        }
        meter.frameEnded(System.nanoTime());
        secondsPerFrame = timing.wallNanos / 1e9;
        fps = meter.fps();
        framesDone++;
    }
}
