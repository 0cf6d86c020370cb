package raypool.bench.report;

import raypool.files.AtomicFiles;
import raypool.result.RaybenchResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Compares kernels run on the same frames, from the raybench JSON files in a folder: wall time, the
 * CPU time a frame cost over every thread (for a device kernel, the whole process, driver threads
 * included) and that CPU time relative to the scalar kernel on one thread. On a shared machine the CPU
 * time is the stable figure; wall time moves with whatever else runs.
 * Usage: {@code KernelComparison DIR [OUT.md]}.
 */
public final class KernelComparison {

    private KernelComparison() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: KernelComparison DIR [OUT.md]   (DIR: a folder of raybench JSON results)");
            System.exit(2);
        }
        String table = table(Path.of(args[0]));
        if (args.length == 2) {
            AtomicFiles.write(Path.of(args[1]), table.getBytes(StandardCharsets.UTF_8));
        } else {
            System.out.print(table);
        }
    }

    static String table(Path dir) throws IOException {
        List<ResultFiles.Entry> runs = ResultFiles.in(dir).stream().filter(e -> e.result().cpuMs() != null).toList();
        double scalarOneThread = runs.stream()
            .filter(e -> e.result().kernel().equals("scalar") && e.result().threads() == 1)
            .mapToDouble(e -> cpuMs(e.result())).findFirst().orElse(Double.NaN);
        StringBuilder out = new StringBuilder();
        out.append("| result | host | kernel | device | policy | threads | wall ms p50 | CPU ms/frame (all threads) "
            + "| CPU vs scalar 1 thread | Mrays/s (wall) | verified (max diff) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (ResultFiles.Entry e : runs) {
            RaybenchResult r = e.result();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d | %.1f | %.1f | %.2f | %.1f | %s (%d) |%n",
                e.file().getFileName(), ResultsSummary.hostLabel(r), r.kernel(),
                r.kernelDevice() == null ? r.kernel() : r.kernelDevice(), r.policy(), r.threads(), r.frameMs().p50(),
                cpuMs(r), cpuMs(r) / scalarOneThread, r.mraysPerS(), r.image().verified() ? "yes" : "NO",
                r.image().maxChannelDiff()));
        }
        return out.toString();
    }

    private static double cpuMs(RaybenchResult r) {
        return r.cpuMs().allThreadsMedian();
    }
}
