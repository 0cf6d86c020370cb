package raypool.bench.report;

import raypool.bench.run.RunResult;
import raypool.bench.stats.FrameStatistics;
import raypool.bench.stats.SweepPoint;
import raypool.bench.verify.Verification;

import java.time.Instant;
import java.util.List;

/** Everything a raybench invocation reports: the main run, its verification, an optional sweep. */
public record BenchReport(RunResult run, FrameStatistics stats, Verification image, List<SweepPoint> sweep,
                          HostFingerprint host, GitInfo git, Instant timestamp) {
}
