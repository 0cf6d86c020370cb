package raypool.xapi.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded CPU traces shaped like a PlanetLab day (mostly light, a daily swing, noise that wanders and
 * returns, rare bursts), one per VM and shaped by its kind: idle boxes stay near zero, web servers
 * follow the day, databases sit a little higher, batch guests alternate between jobs that run hot and
 * quiet spells. Same seed and kinds, same traces; nothing is read from disk, so tests and demos that
 * must always run do not depend on a trace directory.
 */
public final class SyntheticCpuTraces {
    private SyntheticCpuTraces() {
    }

    /** Traces for VMs of the given kinds (see {@link Workload#kind}), from {@code seed}. */
    public static CpuTrace generate(String[] kinds, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        List<String> names = new ArrayList<>(kinds.length);
        int[][] percent = new int[kinds.length][];
        for (int v = 0; v < kinds.length; v++) {
            names.add("synthetic-%05d-%s".formatted(v, kinds[v]));
            percent[v] = day(GuestKind.of(kinds[v]), random.split());
        }
        return new CpuTrace("synthetic:" + kinds.length + ":" + seed, names, percent);
    }

    private static int[] day(GuestKind kind, SplittableRandom r) {
        // long-run level (%), daily swing (%), noise (% per sample), chance of a burst per sample
        double level;
        double swing;
        double noise;
        double burstChance;
        switch (kind) {
            case IDLE -> { level = 1 + r.nextDouble(3); swing = r.nextDouble(1); noise = 0.7; burstChance = 0.005; }
            case WEB -> { level = 8 + r.nextDouble(15); swing = 5 + r.nextDouble(12); noise = 3; burstChance = 0.02; }
            case DATABASE -> { level = 12 + r.nextDouble(20); swing = 3 + r.nextDouble(8); noise = 3; burstChance = 0.015; }
            case BATCH -> { level = 3 + r.nextDouble(4); swing = 0; noise = 2; burstChance = 0; }
            default -> { level = 3 + r.nextDouble(25); swing = r.nextDouble(20); noise = 4; burstChance = 0.025; }
        }
        // web traffic peaks in the afternoon; others anywhere in the day
        double phase = kind == GuestKind.WEB ? -Math.PI / 2 + r.nextDouble(-0.5, 0.5) : r.nextDouble(2 * Math.PI);
        int[] samples = new int[CpuTrace.SAMPLES];
        double wander = 0;
        boolean jobRunning = false;
        double jobLevel = 0;
        for (int k = 0; k < CpuTrace.SAMPLES; k++) {
            wander = 0.8 * wander + r.nextGaussian() * noise;           // mean-reverting, correlated noise
            double value = level + swing * Math.sin(2 * Math.PI * k / CpuTrace.SAMPLES + phase) + wander;
            if (kind == GuestKind.BATCH) {
                // a job starts on average every 2 hours and runs about an hour
                if (!jobRunning && r.nextDouble() < 1.0 / 24) {
                    jobRunning = true;
                    jobLevel = 40 + r.nextDouble(45);
                } else if (jobRunning && r.nextDouble() < 1.0 / 12) {
                    jobRunning = false;
                }
                value += jobRunning ? jobLevel : 0;
            }
            if (r.nextDouble() < burstChance) {
                value += 25 + r.nextDouble(45);
            }
            samples[k] = (int) Math.clamp(Math.round(value), 0, 100);
        }
        return samples;
    }
}
