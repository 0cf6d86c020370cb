package raypool.render.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.Arrays;
import java.util.List;

/**
 * The distribution of frame times as a histogram, one step line per run on shared bins, so runs can be
 * compared on one chart: a tight spike is a steady host; a long right tail is the jitter (GC, other load,
 * migrations) that a median hides.
 */
public final class FrameTimeChart {

    public static final int DEFAULT_BINS = 40;

    private FrameTimeChart() {
    }

    public static XYChart histogram(List<FrameTimes> runs, int bins) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no frame times to plot");
        }
        double min = runs.stream().flatMapToDouble(r -> Arrays.stream(r.millis())).min().orElseThrow();
        double max = runs.stream().flatMapToDouble(r -> Arrays.stream(r.millis())).max().orElseThrow();
        Histogram shape = Histogram.bins(min, max, bins);
        XYChart chart = new XYChartBuilder().width(800).height(600).title("Frame time distribution")
            .xAxisTitle("ms per frame").yAxisTitle("frames").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisMin(0.0);
        for (FrameTimes run : runs) {
            XYSeries series = chart.addSeries(run.label(), shape.edges(), shape.countsWithClosingEdge(run.millis()));
            series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            series.setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Equal-width bins over [min, max]; a single value gets one bin of width 1 ms around it. */
    record Histogram(double min, double width, int bins) {

        static Histogram bins(double min, double max, int bins) {
            if (bins < 1) {
                throw new IllegalArgumentException("bins must be at least 1, got " + bins);
            }
            if (max <= min) {
                return new Histogram(min - 0.5, 1.0 / bins, bins);
            }
            return new Histogram(min, (max - min) / bins, bins);
        }

        double[] edges() {
            double[] edges = new double[bins + 1];
            for (int i = 0; i <= bins; i++) {
                edges[i] = min + i * width;
            }
            return edges;
        }

        /** Counts per bin, plus the last count repeated at the closing edge so a step line ends the last bin. */
        double[] countsWithClosingEdge(double[] values) {
            double[] counts = new double[bins + 1];
            for (double v : values) {
                int bin = (int) Math.floor((v - min) / width);
                counts[Math.clamp(bin, 0, bins - 1)]++;
            }
            counts[bins] = counts[bins - 1];
            return counts;
        }
    }
}
