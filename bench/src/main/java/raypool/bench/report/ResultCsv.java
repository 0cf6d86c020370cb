package raypool.bench.report;

import raypool.files.AtomicFiles;
import raypool.bench.config.BenchConfig;
import raypool.bench.stats.FrameStatistics;
import raypool.bench.stats.SweepPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The CSV result: one row for the run, or one per thread count of a sweep, with the columns a
 * spreadsheet comparing hosts needs. Always written whole (atomically).
 */
public final class ResultCsv {

    static final String HEADER = "timestamp,git_commit,cpu_model,logical_cpus,scene,width,height,kernel,policy,"
        + "threads,frames,fps_median,fps_from_cpu,frame_ms_p50,frame_ms_p99,mrays_per_s,imbalance,speedup,"
        + "efficiency,verified";

    private ResultCsv() {
    }

    public static String toCsv(BenchReport report) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        BenchConfig c = report.run().config();
        FrameStatistics s = report.stats();
        if (report.sweep().isEmpty()) {
            row(out, report, new Row(c.threads(), s.fpsMedian(), s.fpsFromCpu(), s.msP50(), s.msP99(),
                s.mraysPerSecond(), s.imbalanceMedian(), Double.NaN, Double.NaN));
        } else {
            for (SweepPoint p : report.sweep()) {
                boolean main = p.threads() == c.threads();
                row(out, report, new Row(p.threads(), p.fps(), p.fpsFromCpu(), main ? s.msP50() : Double.NaN,
                    main ? s.msP99() : Double.NaN, main ? s.mraysPerSecond() : Double.NaN, p.imbalance(),
                    p.speedup(), p.efficiency()));
            }
        }
        return out.toString();
    }

    /** The figures of one CSV line; NaN where a figure does not apply (written empty). */
    private record Row(int threads, double fps, double fpsCpu, double p50, double p99, double mrays, double imbalance,
                       double speedup, double efficiency) {
    }

    private static void row(StringBuilder out, BenchReport r, Row row) {
        BenchConfig c = r.run().config();
        out.append(String.join(",", r.timestamp().toString(), r.git().commit(), quote(r.host().cpuModel()),
            Integer.toString(r.host().logicalCpus()), quote(c.scene().name()), Integer.toString(c.width()),
            Integer.toString(c.height()), c.kernel().label(), c.policy().label(), Integer.toString(row.threads()),
            Integer.toString(r.run().frames()), num(row.fps()), num(row.fpsCpu()), num(row.p50()), num(row.p99()),
            num(row.mrays()), num(row.imbalance()), num(row.speedup()), num(row.efficiency()),
            Boolean.toString(r.verified()))).append('\n');
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    public static void write(BenchReport report, Path file) throws IOException {
        AtomicFiles.write(file, toCsv(report).getBytes(StandardCharsets.UTF_8));
    }
}
