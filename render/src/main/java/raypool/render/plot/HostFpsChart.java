package raypool.render.plot;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.List;

/**
 * FPS per result side by side: a bar at the median wall-clock rate, markers at the slowest and fastest
 * frame's rate, and a diamond at the rate the threads' CPU time allows (what the host does when idle,
 * the figure to compare on a shared machine; left out where a result has none).
 */
public final class HostFpsChart {

    /** One bar: a label (host, kernel, policy, threads), its wall-clock FPS, and its FPS from CPU time (0: none). */
    public record Bar(String label, double median, double min, double max, double fromCpu) {
    }

    private HostFpsChart() {
    }

    public static CategoryChart of(String title, List<Bar> bars) {
        if (bars.isEmpty()) {
            throw new IllegalArgumentException("no result to plot");
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(800, 240 * bars.size())).height(600)
            .title(title).xAxisTitle("result").yAxisTitle("frames per second").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 11));
        List<String> labels = bars.stream().map(Bar::label).toList();
        chart.addSeries("median", labels, bars.stream().map(Bar::median).toList());
        CategorySeries min = chart.addSeries("slowest frame", labels, bars.stream().map(Bar::min).toList());
        min.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        min.setMarker(SeriesMarkers.TRIANGLE_DOWN);
        min.setMarkerColor(Color.DARK_GRAY);
        CategorySeries max = chart.addSeries("fastest frame", labels, bars.stream().map(Bar::max).toList());
        max.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        max.setMarker(SeriesMarkers.TRIANGLE_UP);
        max.setMarkerColor(Color.DARK_GRAY);
        if (bars.stream().anyMatch(b -> b.fromCpu() > 0)) {
            CategorySeries cpu = chart.addSeries("from CPU time", labels,
                bars.stream().map(b -> b.fromCpu() > 0 ? b.fromCpu() : b.median()).toList());
            cpu.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            cpu.setMarker(SeriesMarkers.DIAMOND);
            cpu.setMarkerColor(new Color(0xD0, 0x40, 0x20));
        }
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }
}
