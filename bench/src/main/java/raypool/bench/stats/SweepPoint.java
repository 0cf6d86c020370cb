package raypool.bench.stats;

import raypool.engine.verify.ImageChecks;

/**
 * One thread count of a sweep. Speedup and efficiency come from the CPU-based frame rate when the
 * machine measures thread CPU time (steady under other load), else from the wall-clock median. Every
 * thread count's frames are checked against the reference ({@code image}): a figure of a run whose
 * image is wrong means nothing.
 */
public record SweepPoint(int threads, double fps, double fpsFromCpu, double speedup, double efficiency,
                         double imbalance, ImageChecks image) {

    public static SweepPoint of(int threads, FrameStatistics stats, FrameStatistics oneThread, ImageChecks image) {
        boolean cpu = stats.fpsFromCpu() > 0 && oneThread.fpsFromCpu() > 0;
        double base = cpu ? oneThread.fpsFromCpu() : oneThread.fpsMedian();
        double mine = cpu ? stats.fpsFromCpu() : stats.fpsMedian();
        double speedup = mine / base;
        return new SweepPoint(threads, stats.fpsMedian(), stats.fpsFromCpu(), speedup, speedup / threads,
            stats.imbalanceMedian(), image);
    }
}
