package raypool.xapi.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads PlanetLab-style CPU traces: a directory in which every regular file is one VM, taken in name
 * order (a listing's order depends on the file system; sorting makes a run reproducible), each file
 * {@value CpuTrace#SAMPLES} lines of one integer percentage 0..100. Blank lines at the end of a file are
 * allowed (an editor's trailing newline); anything else that is not a sample is refused with its file
 * and line.
 */
public final class CpuTraceReader {
    private CpuTraceReader() {
    }

    /**
     * The first {@code vms} traces of {@code directory} in name order; only those files are read.
     *
     * @throws TraceFileException naming the directory (not one, unreadable, too few files) or the file
     *         and line of a bad sample
     */
    public static CpuTrace read(Path directory, int vms) {
        if (!Files.isDirectory(directory)) {
            throw new TraceFileException(directory, "not a directory of CPU trace files (one file per VM)");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new TraceFileException(directory, "cannot list: " + e.getMessage());
        }
        if (files.size() < vms) {
            throw new TraceFileException(directory, files.size() + " trace files, " + vms + " VMs asked for");
        }
        List<String> names = new ArrayList<>(vms);
        int[][] percent = new int[vms][];
        for (int i = 0; i < vms; i++) {
            names.add(files.get(i).getFileName().toString());
            percent[i] = readFile(files.get(i));
        }
        return new CpuTrace(directory.toString(), names, percent);
    }

    static int[] readFile(Path file) {
        int[] samples = new int[CpuTrace.SAMPLES];
        int count = 0;
        int blankFrom = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int number = 1; (line = in.readLine()) != null; number++) {
                String text = line.strip();
                if (text.isEmpty()) {
                    blankFrom = blankFrom == 0 ? number : blankFrom;
                    continue;
                }
                if (blankFrom != 0) {
                    throw new TraceFileException(file, blankFrom, "empty line among the samples");
                }
                if (count == CpuTrace.SAMPLES) {
                    throw new TraceFileException(file, number, "more than " + CpuTrace.SAMPLES
                            + " samples (a day of 5-minute samples)");
                }
                samples[count++] = parse(file, number, text);
            }
        } catch (IOException e) {
            throw new TraceFileException(file, "cannot read: " + e.getMessage());
        }
        if (count < CpuTrace.SAMPLES) {
            throw new TraceFileException(file, count + 1, "missing line: expected " + CpuTrace.SAMPLES
                    + " samples, the file ends after " + count);
        }
        return samples;
    }

    private static int parse(Path file, int line, String text) {
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new TraceFileException(file, line, "not an integer CPU percentage: '" + text + "'");
        }
        if (value < 0 || value > 100) {
            throw new TraceFileException(file, line, "CPU percentage " + value + " is outside 0..100");
        }
        return value;
    }
}
