package raypool.render.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Speedup and parallel efficiency against threads, each with the ideal a perfect machine would reach. */
public final class ScalingCharts {

    static final String IDEAL = "ideal";

    private ScalingCharts() {
    }

    /** Speedup against threads; the ideal is speedup = threads. */
    public static XYChart speedup(List<SweepSeries> sweeps) {
        XYChart chart = chart("Speedup over 1 thread", "speedup", sweeps, SweepPoint::speedup);
        int max = maxThreads(sweeps);
        ideal(chart, new double[] {1, max}, new double[] {1, max});
        chart.getStyler().setYAxisMin(0.0);
        return chart;
    }

    /** Efficiency = speedup / threads; the ideal is 1.0 at every thread count. */
    public static XYChart efficiency(List<SweepSeries> sweeps) {
        XYChart chart = chart("Parallel efficiency", "efficiency (speedup / threads)", sweeps, SweepPoint::efficiency);
        ideal(chart, new double[] {1, maxThreads(sweeps)}, new double[] {1, 1});
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.1);
        return chart;
    }

    private static XYChart chart(String title, String yTitle, List<SweepSeries> sweeps,
                                 ToDoubleFunction<SweepPoint> value) {
        if (sweeps.isEmpty()) {
            throw new IllegalArgumentException("no sweep to plot");
        }
        XYChart chart = new XYChartBuilder().width(800).height(600).title(title)
            .xAxisTitle("threads").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisDecimalPattern("0");
        for (SweepSeries sweep : sweeps) {
            double[] x = sweep.points().stream().mapToDouble(SweepPoint::threads).toArray();
            double[] y = sweep.points().stream().mapToDouble(value).toArray();
            XYSeries series = chart.addSeries(sweep.label(), x, y);
            series.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static void ideal(XYChart chart, double[] x, double[] y) {
        XYSeries ideal = chart.addSeries(IDEAL, x, y);
        ideal.setMarker(SeriesMarkers.NONE);
        ideal.setLineStyle(SeriesLines.DASH_DASH);
        ideal.setLineColor(Color.GRAY);
    }

    private static int maxThreads(List<SweepSeries> sweeps) {
        return sweeps.stream().mapToInt(SweepSeries::maxThreads).max().orElse(1);
    }
}
