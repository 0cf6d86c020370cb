package raypool.balancer.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a PlanetLab day: every regular file in a directory is one VM, taken in name order (the
 * reference takes File.listFiles() order, which depends on the file system; sorting makes runs
 * reproducible). Every problem is reported with the file and line it is on.
 */
public final class TraceReader {
    private TraceReader() {
    }

    public static PlanetLabTrace read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException(dir, "not a directory of PlanetLab trace files");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dir, "cannot list: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new InputException(dir, "no trace files (expected one file per VM, "
                    + PlanetLabTrace.SAMPLES + " lines of CPU % each)");
        }
        List<String> names = new ArrayList<>(files.size());
        int[][] percent = new int[files.size()][];
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            names.add(file.getFileName().toString());
            percent[i] = readFile(file);
        }
        return new PlanetLabTrace(dir.toString(), names, percent);
    }

    static int[] readFile(Path file) {
        int[] samples = new int[PlanetLabTrace.SAMPLES];
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (int k = 0; k < samples.length; k++) {
                int lineNumber = k + 1;
                String line = in.readLine();
                if (line == null) {
                    throw new InputException(file, lineNumber, "missing line: expected "
                            + PlanetLabTrace.SAMPLES + " samples, the file ends after " + k);
                }
                samples[k] = parse(file, lineNumber, line.strip());
            }
        } catch (IOException e) {
            throw new InputException(file, "cannot read: " + e.getMessage());
        }
        return samples;
    }

    private static int parse(Path file, int lineNumber, String text) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InputException(file, lineNumber, "not an integer CPU percentage: '" + text + "'");
        }
        if (value < 0 || value > 100) {
            throw new InputException(file, lineNumber, "CPU percentage " + value + " is outside 0..100");
        }
        return value;
    }
}
