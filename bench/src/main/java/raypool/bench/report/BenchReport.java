package raypool.bench.report;

import raypool.bench.run.RunResult;
import raypool.bench.stats.FlopRate;
import raypool.bench.stats.FrameStatistics;
import raypool.bench.stats.SweepPoint;
import raypool.engine.verify.ImageChecks;

import java.time.Instant;
import java.util.List;

/**
 * Everything a raybench invocation reports: the main run, its frames checked against the reference, an
 * optional sweep (each thread count checked too), the host and the FLOP rate against the peak.
 */
public record BenchReport(RunResult run, FrameStatistics stats, ImageChecks image, List<SweepPoint> sweep,
                          HostFingerprint host, GitInfo git, Instant timestamp, FlopRate flops) {

    /** Every frame checked, of the run or of every thread count of the sweep, matches the reference. */
    public boolean verified() {
        return image.verified() && sweep.stream().allMatch(p -> p.image().verified());
    }

    /** Frames checked and found right: the run's, or with a sweep every thread count's (the run is the last). */
    public int framesVerified() {
        return sweep.isEmpty() ? image.framesVerified()
            : sweep.stream().mapToInt(p -> p.image().framesVerified()).sum();
    }

    /** Frames checked: the run's, or with a sweep every thread count's. */
    public int framesChecked() {
        return sweep.isEmpty() ? image.frames().size() : sweep.stream().mapToInt(p -> p.image().frames().size()).sum();
    }
}
