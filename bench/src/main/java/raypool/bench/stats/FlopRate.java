package raypool.bench.stats;

import raypool.bench.peak.PeakMeasurement;
import raypool.bench.run.RunResult;

/**
 * How close a run came to the hardware: useful GFLOP/s by {@link FlopModel}, against the cores' peak.
 * <pre>
 *   gflop_per_frame  = FlopModel.flops(counts) / frames / 1e9
 *   gflops_wall      = gflop_per_frame / median wall time per frame
 *   gflops_cpu       = gflop_per_frame / median CPU time of the slowest thread per frame
 *   fraction_of_peak = gflops_cpu / (peak GFLOP/s per core x threads)
 * </pre>
 * The fraction uses CPU time, like the peak measurement (PeakFlops), so both hold on a busy machine:
 * it says what share of the threads' cores the kernel would use on an idle host.
 *
 * @param peak the per-core peak the fraction divides by, measured (PeakFlops) or given
 */
public record FlopRate(double gflopPerFrame, double gflopsWall, double gflopsCpu, PeakMeasurement peak,
                       int threads, double fractionOfPeak) {

    public static FlopRate of(RunResult run, FrameStatistics stats, PeakMeasurement peak) {
        double perFrame = FlopModel.flops(run.counts()) / run.frames() / 1e9;
        double wall = perFrame * stats.fpsMedian();
        double cpu = stats.cpuMsMedian() > 0 ? perFrame / (stats.cpuMsMedian() / 1000) : 0;
        int threads = run.config().threads();
        return new FlopRate(perFrame, wall, cpu, peak, threads, cpu / (peak.perCore() * threads));
    }

    public double peakPerCore() {
        return peak.perCore();
    }

    public String peakSource() {
        return peak.source();
    }
}
