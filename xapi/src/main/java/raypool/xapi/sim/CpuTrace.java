package raypool.xapi.sim;

import java.util.List;

/**
 * One day of CPU load, one VM per trace, in the PlanetLab (CoMon) form: {@value #SAMPLES} samples taken
 * every 5 minutes, each an integer percentage 0..100 of the VM's CPU.
 *
 * @param source where the traces came from (a directory, or "synthetic:VMS:SEED")
 * @param names  one name per VM (the trace file's name)
 */
public record CpuTrace(String source, List<String> names, int[][] percent) {
    public static final int SAMPLES = 288;
    public static final long SAMPLE_MILLIS = 300_000;
    public static final long DAY_MILLIS = SAMPLES * SAMPLE_MILLIS;

    public CpuTrace {
        names = List.copyOf(names);
        if (names.size() != percent.length) {
            throw new IllegalArgumentException(names.size() + " names for " + percent.length + " traces");
        }
        for (int[] samples : percent) {
            if (samples.length != SAMPLES) {
                throw new IllegalArgumentException("a trace has " + samples.length + " samples, not " + SAMPLES);
            }
        }
    }

    public int vmCount() {
        return names.size();
    }

    /** The fraction (0..1) of VM {@code vm}'s CPU in use at sample {@code k} (0..287). */
    public double utilization(int vm, int k) {
        return percent[vm][k] / 100.0;
    }

    /** The first {@code count} traces. */
    CpuTrace first(int count) {
        int[][] kept = new int[count][];
        System.arraycopy(percent, 0, kept, 0, count);
        return new CpuTrace(source, names.subList(0, count), kept);
    }
}
