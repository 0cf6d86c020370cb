package raypool.bench.report;

import raypool.bench.config.BenchConfig;
import raypool.bench.stats.FrameStatistics;
import raypool.bench.stats.SweepPoint;

import raypool.engine.verify.ImageChecks;

import java.io.PrintStream;
import java.util.Locale;

/** The human-readable summary printed at the end of a run. */
public final class SummaryTable {

    private SummaryTable() {
    }

    public static void print(BenchReport r, PrintStream out) {
        BenchConfig c = r.run().config();
        FrameStatistics s = r.stats();
        out.printf(Locale.ROOT, "raybench  %s %dx%d  kernel=%s policy=%s threads=%d  frames=%d (warm-up %d%s)%n",
            c.scene().name(), c.width(), c.height(), c.kernel().label(), c.policy().label(), c.threads(),
            r.run().frames(), r.run().warmupFrames(), r.run().warmupSettled() ? ", settled" : ", NOT settled");
        out.printf(Locale.ROOT, "host      %s, %d logical CPUs, %s%n", r.host().cpuModel(), r.host().logicalCpus(),
            r.host().jvm());
        out.printf(Locale.ROOT, "kernel    %s on %s%n", c.kernel().label(), ResultJson.kernelIsa(c.kernel()));
        if (c.kernel().needsDevice()) {
            out.printf(Locale.ROOT, "device    %s%n", r.run().kernelDescription());
            out.println("          (CPU ms: the whole process, driver threads included; slowest thread = wall time)");
        }
        out.println("--------------------------------------------------------------------------");
        out.printf(Locale.ROOT, "FPS            median %8.2f   min %8.2f   max %8.2f%n", s.fpsMedian(), s.fpsMin(),
            s.fpsMax());
        out.printf(Locale.ROOT, "ms per frame   p50 %8.2f   p90 %8.2f   p99 %8.2f   max %8.2f%n", s.msP50(),
            s.msP90(), s.msP99(), s.msMax());
        out.printf(Locale.ROOT, "CPU ms/frame   slowest thread %8.2f (%.2f FPS on an idle host)   all threads %8.2f%n",
            s.cpuMsMedian(), s.fpsFromCpu(), s.totalCpuMsMedian());
        out.printf(Locale.ROOT, "Mrays/s        %8.2f   (%.2f rays/pixel: primary + reflection + shadow)%n",
            s.mraysPerSecond(), s.raysPerFrame() / ((double) c.width() * c.height()));
        out.printf(Locale.ROOT, "GFLOP/s        %8.2f CPU-time based (%.3f GFLOP/frame), %.1f%% of the %s peak %.1f x %d cores%s%n",
            r.flops().gflopsCpu(), r.flops().gflopPerFrame(), 100 * r.flops().fractionOfPeak(), r.flops().peakSource(),
            r.flops().peakPerCore(), r.flops().threads(), r.flops().peak().rounds() == 0 ? ""
                : String.format(Locale.ROOT, " (fastest quarter of %d rounds, spread %.1f%%)", r.flops().peak().rounds(),
                    100 * r.flops().peak().spread()));
        out.printf(Locale.ROOT, "imbalance      %8.3f   (slowest / mean thread busy time, median over frames)%n",
            s.imbalanceMedian());
        out.printf(Locale.ROOT, "GC             %d collections, %d ms during measured frames%n",
            r.run().gcCollections(), r.run().gcPauseMillis());
        out.printf(Locale.ROOT, "image          %s  max channel diff %d vs scalar reference, %.4f%% within 2  sha256 %s%n",
            r.verified() ? "VERIFIED" : "NOT VERIFIED", r.image().maxChannelDiff(),
            100 * r.image().fractionWithin(), r.image().last().sha256().substring(0, 16));
        out.printf(Locale.ROOT, "               %d of %d frames checked match (frames %s%s)%n", r.framesVerified(),
            r.framesChecked(), frameList(r.image()), r.sweep().isEmpty() ? "" : " of each thread count");
        if (!r.sweep().isEmpty()) {
            out.println("--------------------------------------------------------------------------");
            out.println("threads      FPS   FPS(cpu)   speedup   efficiency   imbalance   image");
            for (SweepPoint p : r.sweep()) {
                out.printf(Locale.ROOT, "%7d %8.2f %10.2f %9.3f %12.3f %11.3f   %s%n", p.threads(), p.fps(), p.fpsFromCpu(),
                    p.speedup(), p.efficiency(), p.imbalance(), p.image().verified() ? "verified" : "NOT VERIFIED");
            }
            out.println(c.kernel().needsDevice()
                ? "(device kernel: speedup from wall time; host threads only launch stripes, so efficiency per thread means little)"
                : "(speedup and efficiency from the slowest thread's CPU time per frame, steady under other load)");
        }
    }

    private static String frameList(ImageChecks checks) {
        return String.join(", ", checks.frames().stream().map(f -> Integer.toString(f.frameIndex())).toList());
    }
}
