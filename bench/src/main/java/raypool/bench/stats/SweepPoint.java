package raypool.bench.stats;

/**
 * One thread count of a sweep. Speedup and efficiency come from the CPU-based frame rate when the
 * machine measures thread CPU time (steady under other load), else from the wall-clock median.
 */
public record SweepPoint(int threads, double fps, double fpsFromCpu, double speedup, double efficiency,
                         double imbalance) {

    public static SweepPoint of(int threads, FrameStatistics stats, FrameStatistics oneThread) {
        boolean cpu = stats.fpsFromCpu() > 0 && oneThread.fpsFromCpu() > 0;
        double base = cpu ? oneThread.fpsFromCpu() : oneThread.fpsMedian();
        double mine = cpu ? stats.fpsFromCpu() : stats.fpsMedian();
        double speedup = mine / base;
        return new SweepPoint(threads, stats.fpsMedian(), stats.fpsFromCpu(), speedup, speedup / threads,
            stats.imbalanceMedian());
    }
}
