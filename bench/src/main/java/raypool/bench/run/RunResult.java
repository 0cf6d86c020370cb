package raypool.bench.run;

import raypool.bench.config.BenchConfig;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.RayCounts;

/**
 * What one run measured, frame by frame. Arrays are indexed by measured frame.
 *
 * @param wallNanos      wall time per frame (what a viewer sees)
 * @param maxCpuNanos    CPU time of the slowest thread per frame (the frame time on an idle machine)
 * @param totalCpuNanos  CPU time of all threads per frame
 * @param imbalance      max / mean thread busy time per frame
 * @param lastFrame      the last measured frame's image, for verification and --png
 * @param lastFrameIndex its index in the scene's animation
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
    FrameBuffer lastFrame,
    int lastFrameIndex,
    long[] lastBusyNanos,
    int[] lastRowOwner,
    String kernelDescription) {

    public int frames() {
        return wallNanos.length;
    }
}
