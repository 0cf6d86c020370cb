package raypool.render.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import raypool.render.image.PngWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the benchmark's plots as PNG files into a folder. */
public final class Plots {

    public static final String SPEEDUP = "speedup.png";
    public static final String EFFICIENCY = "efficiency.png";
    public static final String FRAME_TIMES = "frame-times.png";

    private Plots() {
    }

    /**
     * Writes speedup.png and efficiency.png when there are sweeps, and frame-times.png when there are
     * frame times; returns the files written.
     */
    public static List<Path> writeAll(Path folder, List<SweepSeries> sweeps, List<FrameTimes> frameTimes)
        throws IOException {
        List<Path> written = new ArrayList<>();
        if (!sweeps.isEmpty()) {
            written.add(write(ScalingCharts.speedup(sweeps), folder.resolve(SPEEDUP)));
            written.add(write(ScalingCharts.efficiency(sweeps), folder.resolve(EFFICIENCY)));
        }
        if (!frameTimes.isEmpty()) {
            written.add(write(FrameTimeChart.histogram(frameTimes, FrameTimeChart.DEFAULT_BINS),
                folder.resolve(FRAME_TIMES)));
        }
        return written;
    }

    /** XChart's own saver appends ".png" and writes in place; this one keeps the name and writes atomically. */
    public static Path write(Chart<?, ?> chart, Path file) throws IOException {
        PngWriter.write(BitmapEncoder.getBufferedImage(chart), file);
        return file;
    }
}
