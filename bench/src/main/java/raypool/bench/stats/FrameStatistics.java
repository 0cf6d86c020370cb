package raypool.bench.stats;

import org.HdrHistogram.Histogram;
import raypool.bench.run.RunResult;

import java.util.Arrays;

/**
 * The summary figures of one run. Frame-time percentiles come from an HdrHistogram of wall times in
 * microseconds (3 significant digits). The CPU-based figures use the slowest thread's CPU time per
 * frame: on a busy machine it is what the frame would have taken on an idle one.
 */
public record FrameStatistics(
    double fpsMedian,
    double fpsMin,
    double fpsMax,
    double msP50,
    double msP90,
    double msP99,
    double msMax,
    double cpuMsMedian,
    double fpsFromCpu,
    double totalCpuMsMedian,
    double mraysPerSecond,
    double raysPerFrame,
    double imbalanceMedian) {

    private static final long MAX_TRACKABLE_MICROS = 3_600_000_000L;

    public static FrameStatistics of(RunResult r) {
        Histogram hist = new Histogram(MAX_TRACKABLE_MICROS, 3);
        for (long ns : r.wallNanos()) {
            hist.recordValue(Math.max(1, Math.min(ns / 1000, MAX_TRACKABLE_MICROS)));
        }
        double wallMedianMs = medianOf(r.wallNanos()) / 1e6;
        double minMs = Arrays.stream(r.wallNanos()).min().orElse(0) / 1e6;
        double maxMs = Arrays.stream(r.wallNanos()).max().orElse(0) / 1e6;
        double cpuMs = medianOf(r.maxCpuNanos()) / 1e6;
        double totalCpuMs = medianOf(r.totalCpuNanos()) / 1e6;
        double raysPerFrame = (double) r.counts().rays() / r.frames();
        return new FrameStatistics(
            1000 / wallMedianMs,
            1000 / maxMs,
            1000 / minMs,
            hist.getValueAtPercentile(50) / 1000.0,
            hist.getValueAtPercentile(90) / 1000.0,
            hist.getValueAtPercentile(99) / 1000.0,
            hist.getMaxValue() / 1000.0,
            cpuMs,
            cpuMs > 0 ? 1000 / cpuMs : 0,
            totalCpuMs,
            raysPerFrame / wallMedianMs / 1000,
            raysPerFrame,
            median(r.imbalance()));
    }

    static double medianOf(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
