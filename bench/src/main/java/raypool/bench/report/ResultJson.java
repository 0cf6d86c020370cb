package raypool.bench.report;

import raypool.files.AtomicFiles;
import raypool.bench.config.BenchConfig;
import raypool.bench.peak.PeakMeasurement;
import raypool.bench.stats.FlopModel;
import raypool.bench.stats.FrameStatistics;
import raypool.bench.stats.SweepPoint;
import raypool.engine.kernel.KernelKind;
import raypool.engine.kernel.SimdKernel;
import raypool.engine.kernel.SimdSupport;
import raypool.engine.kernel.VectorIsa;
import raypool.engine.verify.FrameCheck;
import raypool.engine.verify.ImageChecks;
import raypool.result.RaybenchResult;
import raypool.result.ResultCodec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A raybench run as its result file ({@link RaybenchResult}, written by {@link ResultCodec}); the field
 * names are the contract in design.md (add freely, never rename). Figures are rounded to 3 decimals.
 */
public final class ResultJson {

    private ResultJson() {
    }

    public static RaybenchResult toResult(BenchReport report) {
        BenchConfig c = report.run().config();
        FrameStatistics s = report.stats();
        var counts = report.run().counts();
        PeakMeasurement peak = report.flops().peak();
        ImageChecks checks = report.image();
        boolean measured = peak.rounds() > 0;
        return RaybenchResult.builder()
            .scene(c.scene().name(), c.sceneSource())
            .size(c.width(), c.height())
            .kernel(c.kernel().label(), report.run().kernelDescription(), Optional.of(kernelIsa(c.kernel())))
            .policy(c.policy().label())
            .threads(c.threads())
            .frames(report.run().frames(), new RaybenchResult.Warmup(report.run().warmupFrames(),
                report.run().warmupSettled()))
            .timing(new RaybenchResult.Fps(round(s.fpsMedian()), round(s.fpsMin()), round(s.fpsMax())),
                new RaybenchResult.FrameMs(round(s.msP50()), round(s.msP90()), round(s.msP99()), round(s.msMax())),
                new RaybenchResult.CpuMs(round(s.cpuMsMedian()), round(s.totalCpuMsMedian())),
                round(s.fpsFromCpu()), round(s.imbalanceMedian()))
            .work(round(s.mraysPerSecond()), Math.round(s.raysPerFrame()), new RaybenchResult.Rays(counts.primary,
                counts.reflection, counts.shadow, counts.intersectionTests, counts.shadedHits))
            .flops(new RaybenchResult.Gflops(round(report.flops().gflopPerFrame()), round(report.flops().gflopsWall()),
                    round(report.flops().gflopsCpu()), FlopModel.DESCRIPTION),
                new RaybenchResult.Peak(round(peak.perCore()), peak.source(), report.flops().threads(),
                    Optional.of(peak.form()), measured ? Optional.of(peak.rounds()) : Optional.empty(),
                    measured ? Optional.of(round(peak.min())) : Optional.empty(),
                    measured ? Optional.of(round(peak.max())) : Optional.empty(),
                    measured ? Optional.of(round(peak.spread())) : Optional.empty()),
                Math.round(report.flops().fractionOfPeak() * 10000) / 10000.0)
            .vectorApi(new RaybenchResult.VectorApi(SimdKernel.lanes(), SimdSupport.noSpeedReason().isEmpty(),
                SimdSupport.noSpeedReason()))
            .gc(new RaybenchResult.Gc(report.run().gcCollections(), report.run().gcPauseMillis()))
            .image(new RaybenchResult.Image(checks.last().sha256(), report.verified(), checks.maxChannelDiff(),
                checks.fractionWithin(), checks.last().referenceSha256(), checks.last().frameIndex(),
                Optional.of(report.framesVerified()), Optional.of(report.framesChecked()), frames(checks)))
            .host(new RaybenchResult.Host(report.host().cpuModel(), report.host().logicalCpus(), report.host().jvm(),
                report.host().jvmFlags(), report.host().os(), report.host().hostname(), report.host().xenHostUuid(),
                Optional.of(report.host().folderName())))
            .provenance(report.git().commit(), report.git().dirty(), report.timestamp().toString())
            .sweep(report.sweep().stream().map(ResultJson::point).toList())
            .build();
    }

    /** The instruction set the kernel ran on: e.g. avx2-8 (ISA and float lanes) for simd. */
    static String kernelIsa(KernelKind kernel) {
        return switch (kernel) {
            case SIMD -> VectorIsa.current().label();
            case SCALAR -> "scalar";
            case OPENCL -> "opencl";
        };
    }

    private static RaybenchResult.SweepPoint point(SweepPoint p) {
        return new RaybenchResult.SweepPoint(p.threads(), round(p.fps()), round(p.fpsFromCpu()), round(p.speedup()),
            round(p.efficiency()), round(p.imbalance()), Optional.of(p.image().verified()),
            Optional.of(p.image().framesVerified()), frames(p.image()));
    }

    private static List<RaybenchResult.CheckedFrame> frames(ImageChecks checks) {
        return checks.frames().stream().map(ResultJson::frame).toList();
    }

    private static RaybenchResult.CheckedFrame frame(FrameCheck f) {
        return new RaybenchResult.CheckedFrame(f.frameIndex(), f.verified(), f.maxChannelDiff(), f.fractionWithin(),
            f.sha256());
    }

    public static void write(BenchReport report, Path file) throws IOException {
        AtomicFiles.write(file, ResultCodec.toBytes(toResult(report)));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
