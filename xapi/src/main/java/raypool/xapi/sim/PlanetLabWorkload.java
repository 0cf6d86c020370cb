package raypool.xapi.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU load replayed from a PlanetLab day (CoMon traces as CloudSim ships them): one file per VM, 288
 * lines of utilisation in percent, one every 5 minutes. The day repeats; values between samples are
 * interpolated. PlanetLab records CPU only, so network and disk follow CPU at fixed rates.
 */
public final class PlanetLabWorkload implements Workload {
    static final int SAMPLES = 288;
    static final long SAMPLE_MILLIS = 300_000;

    private final double[][] traces;
    private final long originMillis;

    PlanetLabWorkload(double[][] traces, long originMillis) {
        this.traces = traces;
        this.originMillis = originMillis;
    }

    /**
     * Reads the first {@code vms} files (by name) of a day directory. The day starts at {@code originMillis}.
     *
     * @throws IllegalArgumentException naming the file and line of a bad value, or the directory when it
     *         holds too few traces
     */
    public static PlanetLabWorkload read(Path dayDirectory, int vms, long originMillis) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dayDirectory)) {
            files = list.filter(Files::isRegularFile).sorted().limit(vms).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(dayDirectory + ": cannot list the trace directory: " + e, e);
        }
        if (files.size() < vms) {
            throw new IllegalArgumentException(dayDirectory + ": " + files.size() + " trace files, " + vms + " VMs asked for");
        }
        double[][] traces = new double[vms][];
        for (int i = 0; i < vms; i++) {
            traces[i] = readTrace(files.get(i));
        }
        return new PlanetLabWorkload(traces, originMillis);
    }

    private static double[] readTrace(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read", e);
        }
        List<Double> values = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).trim();
            if (line.isEmpty()) {
                continue;
            }
            double percent;
            try {
                percent = Double.parseDouble(line);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": \"" + line + "\" is not a number", e);
            }
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": " + percent + "% is outside 0..100");
            }
            values.add(percent / 100);
        }
        if (values.size() != SAMPLES) {
            throw new IllegalArgumentException(file + ": " + values.size() + " samples, a PlanetLab day has " + SAMPLES);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public double cpu(int vm, long epochMillis) {
        double[] trace = traces[vm];
        long since = Math.floorMod(epochMillis - originMillis, SAMPLES * SAMPLE_MILLIS);
        int i = (int) (since / SAMPLE_MILLIS);
        double frac = (since % SAMPLE_MILLIS) / (double) SAMPLE_MILLIS;
        return trace[i] + (trace[(i + 1) % SAMPLES] - trace[i]) * frac;
    }

    @Override
    public double networkBytesPerSecond(int vm, long epochMillis) {
        return 5e5 + 4e6 * cpu(vm, epochMillis);
    }

    @Override
    public double diskBytesPerSecond(int vm, long epochMillis) {
        return 2e5 + 2e6 * cpu(vm, epochMillis);
    }
}
