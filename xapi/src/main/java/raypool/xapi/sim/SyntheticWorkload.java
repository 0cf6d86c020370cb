package raypool.xapi.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded mix of the load a small private cloud carries: idle boxes, web servers with a daily-ish
 * swing, batch jobs that run hot, and databases in between. Every value is a pure function of
 * (seed, vm, time), so two runs with the same seed report the same metrics, and a reading of the
 * past needs no stored history.
 */
public final class SyntheticWorkload implements Workload {

    /** Shape of one VM's load: a base level, a sinusoidal swing and bounded noise. */
    public record Profile(String kind, double base, double swing, long periodMillis, double phase, double noise,
                          double networkBytesPerSecond, double diskBytesPerSecond) {
    }

    private final long seed;
    private final List<Profile> profiles;

    public SyntheticWorkload(long seed, int vms) {
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        List<Profile> list = new ArrayList<>(vms);
        for (int i = 0; i < vms; i++) {
            list.add(profile(random));
        }
        this.profiles = List.copyOf(list);
    }

    private static Profile profile(SplittableRandom r) {
        double pick = r.nextDouble();
        double phase = r.nextDouble(2 * Math.PI);
        if (pick < 0.25) {
            return new Profile("idle", 0.02 + r.nextDouble(0.04), 0.01, 600_000, phase, 0.01, 2e4, 5e4);
        } else if (pick < 0.55) {
            return new Profile("web", 0.15 + r.nextDouble(0.15), 0.10 + r.nextDouble(0.1),
                    1_800_000 + r.nextLong(1_800_000), phase, 0.05, 2e6 + r.nextDouble(8e6), 5e5);
        } else if (pick < 0.80) {
            return new Profile("database", 0.30 + r.nextDouble(0.2), 0.08, 3_600_000, phase, 0.04, 1e6,
                    1e7 + r.nextDouble(3e7));
        }
        return new Profile("batch", 0.60 + r.nextDouble(0.3), 0.15, 900_000 + r.nextLong(900_000), phase, 0.08,
                3e5, 5e6);
    }

    @Override
    public String kind(int vm) {
        return profiles.get(vm).kind();
    }

    public Profile profile(int vm) {
        return profiles.get(vm);
    }

    @Override
    public double cpu(int vm, long epochMillis) {
        Profile p = profiles.get(vm);
        double wave = Math.sin(2 * Math.PI * epochMillis / p.periodMillis() + p.phase());
        double value = p.base() + p.swing() * wave + p.noise() * noise(vm, epochMillis);
        return Math.clamp(value, 0.0, 1.0);
    }

    @Override
    public double networkBytesPerSecond(int vm, long epochMillis) {
        return profiles.get(vm).networkBytesPerSecond() * (0.5 + cpu(vm, epochMillis));
    }

    @Override
    public double diskBytesPerSecond(int vm, long epochMillis) {
        return profiles.get(vm).diskBytesPerSecond() * (0.5 + cpu(vm, epochMillis));
    }

    /** Deterministic noise in -1..1, constant within a 5-second RRD step. */
    private double noise(int vm, long epochMillis) {
        long x = seed * 0x9E3779B97F4A7C15L + vm * 0xBF58476D1CE4E5B9L + (epochMillis / 5000) * 0x94D049BB133111EBL;
        x ^= x >>> 31;
        x *= 0x7FB5D329728EA185L;
        x ^= x >>> 27;
        return (x >>> 11) / (double) (1L << 53) * 2 - 1;
    }
}
