package raypool.bench.report;

import raypool.files.AtomicFiles;
import raypool.result.RaybenchResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Builds the Markdown summary table of every raybench result in a folder, so results/ always has one
 * table that comes from the files beside it, each row naming the host it was measured on.
 * Usage: {@code ResultsSummary DIR [OUT.md]}.
 */
public final class ResultsSummary {

    private ResultsSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ResultsSummary DIR [OUT.md]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (!Files.isDirectory(dir)) {
            System.err.println("ResultsSummary: " + dir + " is not a folder");
            System.exit(2);
        }
        String table = table(dir);
        if (args.length == 2) {
            AtomicFiles.write(Path.of(args[1]), table.getBytes(StandardCharsets.UTF_8));
        } else {
            System.out.print(table);
        }
    }

    static String table(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("| result | host | kernel | ISA | policy | size | threads | FPS (wall, median) | FPS (CPU) | ms p50 / p99 "
            + "| CPU ms/frame, 1 thread | Mrays/s | imbalance | efficiency | of peak | verified |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ResultFiles.Entry e : ResultFiles.in(dir)) {
            RaybenchResult r = e.result();
            String oneThreadCpu = "";
            String efficiency = "";
            if (!r.sweep().isEmpty()) {
                oneThreadCpu = fmt(1000 / r.sweep().getFirst().fpsFromCpu());
                efficiency = fmt(r.sweep().getLast().efficiency());
            }
            out.append(String.format(Locale.ROOT,
                "| %s | %s | %s | %s | %s | %dx%d | %d | %s | %s | %s / %s | %s | %s | %s | %s | %s | %s |%n",
                e.file().getFileName(), hostLabel(r), r.kernel(), r.kernelIsa().orElse("-"), r.policy(), r.width(),
                r.height(), r.threads(), fmt(r.fps().median()), fmt(r.fpsFromCpu()), fmt(r.frameMs().p50()),
                fmt(r.frameMs().p99()), oneThreadCpu, fmt(r.mraysPerS()), fmt(r.imbalance()), efficiency,
                r.fractionOfPeak() > 0 ? String.format(Locale.ROOT, "%.1f%%", 100 * r.fractionOfPeak()) : "-",
                r.image().verified() ? "yes" : "NO"));
        }
        return out.toString();
    }

    static String hostLabel(RaybenchResult r) {
        return HostLabel.of(r.host().cpuModel(), r.host().logicalCpus());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
