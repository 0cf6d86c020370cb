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
 * Builds the Markdown summary table of every raybench JSON result in a folder, so results/ always has
 * one table that comes from the files beside it. Usage: {@code ResultsSummary DIR [OUT.md]}.
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
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.filter(p -> p.toString().endsWith(".json")).sorted().toList());
        }
        var mapper = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        out.append("| result | kernel | policy | size | threads | FPS (wall, median) | FPS (CPU) | ms p50 / p99 "
            + "| CPU ms/frame, 1 thread | Mrays/s | imbalance | efficiency | verified |\n");
        out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Path f : files) {
            JsonNode r = mapper.readTree(f.toFile());
            if (!r.has("fps") || !r.has("kernel")) {
                continue;
            }
            JsonNode sweep = r.path("sweep");
            String oneThreadCpu = "";
            String efficiency = "";
            if (sweep.isArray() && !sweep.isEmpty()) {
                oneThreadCpu = fmt(1000 / sweep.get(0).path("fps_from_cpu").asDouble());
                efficiency = fmt(sweep.get(sweep.size() - 1).path("efficiency").asDouble());
            }
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %dx%d | %d | %s | %s | %s / %s | %s | %s | %s | %s | %s |%n",
                f.getFileName(), r.path("kernel").asText(), r.path("policy").asText(), r.path("width").asInt(),
                r.path("height").asInt(), r.path("threads").asInt(), fmt(r.path("fps").path("median").asDouble()),
                fmt(r.path("fps_from_cpu").asDouble()), fmt(r.path("frame_ms").path("p50").asDouble()),
                fmt(r.path("frame_ms").path("p99").asDouble()), oneThreadCpu, fmt(r.path("mrays_per_s").asDouble()),
                fmt(r.path("imbalance").asDouble()), efficiency, r.path("image").path("verified").asBoolean() ? "yes" : "NO"));
        }
        return out.toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
