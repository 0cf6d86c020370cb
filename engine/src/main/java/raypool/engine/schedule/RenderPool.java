package raypool.engine.schedule;

import raypool.engine.compile.CompiledScene;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.Kernel;
import raypool.engine.kernel.RayCounts;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A fixed set of worker threads that lives across frames and renders each frame by a {@link StripePlan}.
 * Threads are started once because a benchmark that spawned threads per frame would measure thread
 * creation; each owns its kernel (per-thread scratch) and ray counters (no shared writes while rendering).
 *
 * <p>Frames are handed over with a {@link Phaser} of workers + caller: one phase to start a frame, one to
 * finish it. The phaser's happens-before edges publish the frame's inputs to the workers and their pixels
 * and timings back to the caller.
 */
public final class RenderPool implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int threads;
    private final Phaser phaser;
    private final Thread[] workers;
    private final RayCounts[] counts;
    private final AtomicInteger nextSharedItem = new AtomicInteger();
    private final boolean cpuTimeSupported;

    // The current frame, written by the caller before the start phase and read by workers after it.
    private CompiledScene scene;
    private FrameBuffer target;
    private StripePlan plan;
    private FrameTiming timing;
    private volatile boolean closing;
    private volatile Throwable failure;

    public RenderPool(int threads, Supplier<? extends Kernel> kernels) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
        this.phaser = new Phaser(threads + 1);
        this.workers = new Thread[threads];
        this.counts = new RayCounts[threads];
        this.cpuTimeSupported = THREADS.isCurrentThreadCpuTimeSupported();
        if (cpuTimeSupported && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        for (int t = 0; t < threads; t++) {
            int index = t;
            Kernel kernel = kernels.get();
            counts[t] = new RayCounts();
            workers[t] = Thread.ofPlatform().name("raypool-render-" + t).daemon(true)
                .unstarted(() -> workLoop(index, kernel));
            workers[t].start();
        }
    }

    public int threads() {
        return threads;
    }

    /**
     * Renders one frame into {@code target} and returns its timing (the same object each call, for a
     * given frame size: read it before the next frame). Adds the frame's work to {@code total}.
     */
    public FrameTiming render(CompiledScene scene, FrameBuffer target, StripePlan plan, RayCounts total) {
        if (plan.threads() != threads) {
            throw new IllegalArgumentException("plan is for " + plan.threads() + " threads, pool has " + threads);
        }
        if (closing) {
            throw new IllegalStateException("render pool is closed");
        }
        if (timing == null || timing.rowOwner.length != target.height()) {
            timing = new FrameTiming(threads, target.height());
        }
        this.scene = scene;
        this.target = target;
        this.plan = plan;
        nextSharedItem.set(0);
        long start = System.nanoTime();
        phaser.arriveAndAwaitAdvance();
        phaser.arriveAndAwaitAdvance();
        timing.wallNanos = System.nanoTime() - start;
        Throwable failed = failure;
        if (failed != null) {
            failure = null;
            throw new IllegalStateException("a render thread failed: " + failed, failed);
        }
        for (RayCounts c : counts) {
            total.add(c);
            c.clear();
        }
        return timing;
    }

    private void workLoop(int index, Kernel kernel) {
        while (true) {
            phaser.arriveAndAwaitAdvance();
            if (closing) {
                return;
            }
            try {
                renderShare(index, kernel);
            } catch (Throwable e) {
                failure = e;
            }
            phaser.arriveAndAwaitAdvance();
        }
    }

    private void renderShare(int index, Kernel kernel) {
        long cpuStart = cpuTimeSupported ? THREADS.getCurrentThreadCpuTime() : 0;
        long start = System.nanoTime();
        StripePlan p = plan;
        if (p.isShared()) {
            for (int item = nextSharedItem.getAndIncrement(); item < p.items(); item = nextSharedItem.getAndIncrement()) {
                renderItem(index, kernel, p, item);
            }
        } else {
            for (int item = index; item < p.items(); item += threads) {
                renderItem(index, kernel, p, item);
            }
        }
        timing.busyNanos[index] = System.nanoTime() - start;
        timing.cpuNanos[index] = cpuTimeSupported ? THREADS.getCurrentThreadCpuTime() - cpuStart : 0;
    }

    private void renderItem(int index, Kernel kernel, StripePlan p, int item) {
        int from = p.from()[item], to = p.to()[item], step = p.step()[item];
        kernel.renderRows(scene, target, from, to, step, counts[index]);
        int[] owner = timing.rowOwner;
        for (int y = from; y < to; y += step) {
            owner[y] = index;
        }
    }

    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        phaser.arriveAndDeregister();
        for (Thread w : workers) {
            try {
                w.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
