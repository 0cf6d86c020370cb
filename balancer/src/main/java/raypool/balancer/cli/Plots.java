package raypool.balancer.cli;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import raypool.balancer.sim.ReplayResult;
import raypool.balancer.sim.Timeline;
import raypool.files.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The four plots of a replay over the day, as PNG (XChart, headless). */
final class Plots {
    private Plots() {
    }

    static void write(Path dir, ReplayResult r) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        Timeline t = r.timeline();
        String prefix = r.policy() + "-" + r.rules() + "-" + Path.of(r.traceDir()).getFileName() + "-";
        chart(dir.resolve(prefix + "active-hosts.png"), "Active hosts", "hosts", t.hours(), toDouble(t.activeHosts()), r);
        chart(dir.resolve(prefix + "energy.png"), "Energy used so far", "kWh", t.hours(), t.energyKwh(), r);
        chart(dir.resolve(prefix + "overloaded-hosts.png"), "Hosts short of CPU", "hosts", t.hours(),
                toDouble(t.overloadedHosts()), r);
        chart(dir.resolve(prefix + "migrations.png"), "Migrations started per 5-minute step", "migrations", t.hours(),
                toDouble(t.migrations()), r);
    }

    private static double[] toDouble(int[] values) {
        return Arrays.stream(values).asDoubleStream().toArray();
    }

    private static void chart(Path file, String title, String yTitle, double[] x, double[] y, ReplayResult r)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(450)
                .title(title + " - " + r.policy() + ", rules " + r.rules()).xAxisTitle("hour of day").yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setXAxisDecimalPattern("0");
        chart.addSeries(yTitle, x.length == 0 ? new double[] {0} : x, y.length == 0 ? new double[] {0} : y);
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG));
    }
}
