package raypool.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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
        List<JsonNode> runs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        var mapper = new ObjectMapper();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode r = mapper.readTree(f.toFile());
                if (r.has("kernel") && r.has("cpu_ms")) {
                    runs.add(r);
                    names.add(f.getFileName().toString());
                }
            }
        }
        double scalarOneThread = runs.stream()
            .filter(r -> r.path("kernel").asText().equals("scalar") && r.path("threads").asInt() == 1)
            .mapToDouble(KernelComparison::cpuMs).findFirst().orElse(Double.NaN);
        StringBuilder out = new StringBuilder();
        out.append("| result | kernel | device | policy | threads | wall ms p50 | CPU ms/frame (all threads) "
            + "| CPU vs scalar 1 thread | Mrays/s (wall) | verified (max diff) |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < runs.size(); i++) {
            JsonNode r = runs.get(i);
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %.1f | %.1f | %.2f | %.1f | %s (%d) |%n",
                names.get(i), r.path("kernel").asText(), r.path("kernel_device").asText(r.path("kernel").asText()),
                r.path("policy").asText(), r.path("threads").asInt(), r.path("frame_ms").path("p50").asDouble(),
                cpuMs(r), cpuMs(r) / scalarOneThread, r.path("mrays_per_s").asDouble(),
                r.path("image").path("verified").asBoolean() ? "yes" : "NO", r.path("image").path("max_channel_diff").asInt()));
        }
        return out.toString();
    }

    private static double cpuMs(JsonNode r) {
        return r.path("cpu_ms").path("all_threads_median").asDouble();
    }
}
