package raypool.bench.run;

import raypool.engine.kernel.KernelKind;
import raypool.engine.schedule.FrameTiming;

/**
 * The CPU time a frame cost. For in-process kernels that is the worker threads' own CPU time, as the
 * render pool records it. A device kernel's worker threads only launch and wait: the rendering runs in
 * the driver's threads (PoCL's pthreads on a CPU device) or on a GPU, which per-thread CPU time cannot
 * see. For those the frame's CPU cost is the whole process's CPU time over the frame (on a CPU device,
 * every core the driver used), and the slowest thread's time is taken to be the frame's wall time.
 */
abstract sealed class FrameCpu {

    static FrameCpu of(KernelKind kind) {
        return kind.needsDevice() ? new WholeProcess() : new WorkerThreads();
    }

    /** Called just before a frame is rendered. */
    void frameStarts() {
    }

    /** The frame time on an otherwise idle host. */
    abstract long slowestThread(FrameTiming t);

    /** CPU time the frame cost, over every thread that rendered it. */
    abstract long allThreads(FrameTiming t);

    private static final class WorkerThreads extends FrameCpu {
        @Override
        long slowestThread(FrameTiming t) {
            return t.maxCpuNanos();
        }

        @Override
        long allThreads(FrameTiming t) {
            return t.totalCpuNanos();
        }
    }

    private static final class WholeProcess extends FrameCpu {
        private final ProcessCpuClock clock = new ProcessCpuClock();
        private long start;

        @Override
        void frameStarts() {
            start = clock.nanos();
        }

        @Override
        long slowestThread(FrameTiming t) {
            return t.wallNanos;
        }

        @Override
        long allThreads(FrameTiming t) {
            return clock.nanos() - start;
        }
    }
}
