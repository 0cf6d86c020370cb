package raypool.bench.compare;

import raypool.bench.report.HostLabel;
import raypool.render.plot.HostFpsChart;
import raypool.render.plot.Plots;
import raypool.render.plot.ScalingCharts;
import raypool.render.plot.SweepPoint;
import raypool.render.plot.SweepSeries;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** compare's pictures: FPS per result with its spread, and the sweeps' speedup curves overlaid. */
final class ComparePlots {

    static final String FPS = "compare-fps.png";
    static final String SPEEDUP = "compare-speedup.png";

    private ComparePlots() {
    }

    /** "Intel(R) Xeon(R) Processor, 2 CPUs" as "Intel Xeon": room for several bars side by side. */
    static String shortHost(String host) {
        return HostLabel.shortModel(host.replaceAll(", \\d+ CPUs?$", ""));
    }

    static List<Path> write(List<CompareRow> rows, Path folder) throws IOException {
        List<HostFpsChart.Bar> bars = new ArrayList<>();
        List<SweepSeries> sweeps = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CompareRow r = rows.get(i);
            String label = (i + 1) + ": " + shortHost(r.what().host()) + " " + r.what().isa() + " " + r.what().policy() + " "
                + r.what().threads() + "t";
            bars.add(new HostFpsChart.Bar(label, r.figures().fpsMedian(), r.figures().fpsMin(), r.figures().fpsMax(),
                r.figures().fpsFromCpu()));
            if (!r.sweep().isEmpty()) {
                sweeps.add(new SweepSeries(label, r.sweep().stream()
                    .map(p -> new SweepPoint(p.threads(), p.fps(), p.speedup(), p.efficiency())).toList()));
            }
        }
        List<Path> written = new ArrayList<>();
        written.add(Plots.write(HostFpsChart.of("FPS per result (bar: median; triangles: slowest and fastest frame; diamond: from CPU time)", bars),
            folder.resolve(FPS)));
        if (!sweeps.isEmpty()) {
            written.add(Plots.write(ScalingCharts.speedup(sweeps), folder.resolve(SPEEDUP)));
        }
        return written;
    }
}
