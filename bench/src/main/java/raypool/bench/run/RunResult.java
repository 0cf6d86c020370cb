package raypool.bench.run;

import raypool.bench.config.BenchConfig;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.RayCounts;
import raypool.engine.verify.RenderedFrame;

import java.util.List;

/**
 * What one run measured, frame by frame. Arrays are indexed by measured frame.
 *
 * @param wallNanos      wall time per frame (what a viewer sees)
 * @param maxCpuNanos    CPU time of the slowest thread per frame (the frame time on an idle machine)
 * @param totalCpuNanos  CPU time of all threads per frame
 * @param imbalance      max / mean thread busy time per frame
 * @param samples        copies of the measured frames checked against the reference (first, middle,
 *                       last), in order; the last is the run's last frame, for --png
 * @param kernelDescription what rendered: the kernel, and for a device kernel the device
 */
public record RunResult(
    BenchConfig config,
    int warmupFrames,
    boolean warmupSettled,
    long[] wallNanos,
    long[] maxCpuNanos,
    long[] totalCpuNanos,
    double[] imbalance,
    RayCounts counts,
    long gcCollections,
    long gcPauseMillis,
    List<RenderedFrame> samples,
    long[] lastBusyNanos,
    int[] lastRowOwner,
    String kernelDescription) {

    public int frames() {
        return wallNanos.length;
    }

    /** The last measured frame. */
    public FrameBuffer lastFrame() {
        return samples.getLast().frame();
    }
}
