package raypool.bench.pictures;

import raypool.bench.config.BenchConfig;
import raypool.bench.report.BenchReport;
import raypool.bench.stats.SweepPoint;
import raypool.engine.verify.ImageChecks;
import raypool.render.SceneRenderer;
import raypool.render.image.SceneGif;
import raypool.render.plot.FrameTimes;
import raypool.render.plot.Plots;
import raypool.render.plot.SweepSeries;
import raypool.render.stripes.StripeMaps;
import raypool.render.view.LiveView;
import raypool.render.view.ViewOptions;
import raypool.render.view.ViewSettings;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * raybench's pictures: the live window (--view), the animation (--gif) and the plots and stripe maps
 * (--plots). Kept apart from {@code RayBench} so that a plain benchmark run never loads the render
 * module's classes (LWJGL, XChart): they are resolved only when one of these options is given.
 */
public final class Pictures {

    private Pictures() {
    }

    /** The live window; {@code frameLimit} 0 runs until Esc. Returns the exit status. */
    public static int view(BenchConfig c, boolean buffered, long frameLimit, Optional<Path> screenshot, PrintStream err) {
        ViewOptions options = new ViewOptions(c.scene(), c.width(), c.height(),
            new ViewSettings(c.threads(), c.policy(), c.kernel(), buffered), frameLimit, screenshot, Path.of("."));
        return LiveView.run(options, err);
    }

    /** Frames 0..frames-1 of the scene as a looping GIF, written only when its checked frames are right. */
    public static ImageChecks gif(BenchConfig c, Path file) throws IOException {
        try (SceneRenderer renderer = renderer(c)) {
            return SceneGif.write(renderer, c.frames(), SceneGif.DEFAULT_FRAME_DELAY_MILLIS, file);
        }
    }

    /**
     * The run's plots (frame-time distribution; speedup and efficiency with --sweep) and one stripe map per
     * policy, rendered afresh at the run's size, threads and kernel. Returns the files written.
     */
    public static List<Path> plots(BenchReport report, Path folder) throws IOException {
        BenchConfig c = report.run().config();
        List<SweepSeries> sweeps = report.sweep().isEmpty() ? List.of()
            : List.of(new SweepSeries(c.policy().label(), report.sweep().stream().map(Pictures::point).toList()));
        double[] millis = Arrays.stream(report.run().wallNanos()).mapToDouble(ns -> ns / 1e6).toArray();
        String label = c.policy().label() + ", " + c.threads() + (c.threads() == 1 ? " thread" : " threads");
        List<Path> written = new ArrayList<>(Plots.writeAll(folder, sweeps, List.of(new FrameTimes(label, millis))));
        try (SceneRenderer renderer = renderer(c)) {
            written.addAll(StripeMaps.writeAll(renderer, 0, StripeMaps.DEFAULT_WARMUP_FRAMES, folder));
        }
        return written;
    }

    private static SceneRenderer renderer(BenchConfig c) {
        return new SceneRenderer(c.scene(), c.width(), c.height(), c.threads(), c.kernel(), c.policy());
    }

    private static raypool.render.plot.SweepPoint point(SweepPoint p) {
        return new raypool.render.plot.SweepPoint(p.threads(), p.fps(), p.speedup(), p.efficiency());
    }
}
