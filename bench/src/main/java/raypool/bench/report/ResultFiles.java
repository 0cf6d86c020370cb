package raypool.bench.report;

import raypool.result.RaybenchResult;
import raypool.result.ResultCodec;
import raypool.result.ResultFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The raybench results of one folder (not its sub-folders), in file-name order; other JSON files are skipped. */
public final class ResultFiles {

    /** A result and its file. */
    public record Entry(Path file, RaybenchResult result) {
    }

    private ResultFiles() {
    }

    public static List<Entry> in(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                try {
                    entries.add(new Entry(f, ResultCodec.read(f)));
                } catch (ResultFormatException notAResult) {
                    // JMH output and the like share folders with results
                }
            }
        }
        return entries;
    }
}
