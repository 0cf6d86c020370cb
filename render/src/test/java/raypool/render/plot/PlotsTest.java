package raypool.render.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlotsTest {

    @TempDir
    Path dir;

    private static final SweepSeries DYNAMIC = new SweepSeries("dynamic", List.of(
        new SweepPoint(2, 7.6, 1.9, 0.95), new SweepPoint(1, 4.0, 1.0, 1.0)));

    @Test
    void writesSpeedupEfficiencyAndFrameTimePlots() throws IOException {
        List<Path> files = Plots.writeAll(dir, List.of(DYNAMIC),
            List.of(new FrameTimes("dynamic", new double[] {130, 131, 131, 132, 150})));
        assertEquals(List.of(dir.resolve(Plots.SPEEDUP), dir.resolve(Plots.EFFICIENCY), dir.resolve(Plots.FRAME_TIMES)), files);
        for (Path f : files) {
            BufferedImage image = ImageIO.read(f.toFile());
            assertEquals(800, image.getWidth());
            assertTrue(colours(image) > 3, f + " has more than a blank background");
        }
    }

    @Test
    void withoutASweepOnlyTheFrameTimesArePlotted() throws IOException {
        List<Path> files = Plots.writeAll(dir, List.of(), List.of(new FrameTimes("static", new double[] {10})));
        assertEquals(List.of(dir.resolve(Plots.FRAME_TIMES)), files);
    }

    @Test
    void scalingChartsCarryTheIdealLines() {
        XYChart speedup = ScalingCharts.speedup(List.of(DYNAMIC));
        assertArrayEquals(new double[] {1, 2}, speedup.getSeriesMap().get(ScalingCharts.IDEAL).getYData());
        assertArrayEquals(new double[] {1.0, 1.9}, speedup.getSeriesMap().get("dynamic").getYData(),
            "points sorted by threads");
        XYChart efficiency = ScalingCharts.efficiency(List.of(DYNAMIC));
        assertArrayEquals(new double[] {1, 1}, efficiency.getSeriesMap().get(ScalingCharts.IDEAL).getYData());
    }

    @Test
    void histogramCountsEveryFrameOnce() {
        double[] ms = {1, 2, 2, 3, 10, 10, 10};
        var shape = FrameTimeChart.Histogram.bins(1, 10, 9);
        double[] counts = shape.countsWithClosingEdge(ms);
        assertEquals(ms.length, Arrays.stream(counts, 0, 9).sum());
        assertEquals(3, counts[8], "the maximum falls in the last bin");
        assertEquals(2, counts[1]);
        var single = FrameTimeChart.Histogram.bins(5, 5, 4);
        assertEquals(1, Arrays.stream(single.countsWithClosingEdge(new double[] {5}), 0, 4).sum());
    }

    @Test
    void emptyInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SweepSeries("x", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new FrameTimes("x", new double[0]));
        assertThrows(IllegalArgumentException.class, () -> ScalingCharts.speedup(List.of()));
    }

    private static int colours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 3) {
            for (int x = 0; x < image.getWidth(); x += 3) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
