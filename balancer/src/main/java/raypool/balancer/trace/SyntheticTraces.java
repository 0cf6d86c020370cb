package raypool.balancer.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic traces shaped like PlanetLab's (mostly light, bursty, some idle stretches), so tests
 * that must always run do not depend on ../shared/planetlab. Same seed, same trace.
 */
public final class SyntheticTraces {
    private SyntheticTraces() {
    }

    public static PlanetLabTrace generate(int vms, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> names = new ArrayList<>(vms);
        int[][] percent = new int[vms][PlanetLabTrace.SAMPLES];
        for (int v = 0; v < vms; v++) {
            names.add("synthetic-%05d".formatted(v));
            double base = 3 + random.nextDouble() * 25;      // long-run mean, most VMs light
            double swing = random.nextDouble() * 20;          // daily cycle amplitude
            double phase = random.nextDouble() * 2 * Math.PI;
            double level = base;
            boolean idleSpells = random.nextInt(3) == 0;      // a third go quiet now and then
            for (int k = 0; k < PlanetLabTrace.SAMPLES; k++) {
                level += (base - level) * 0.2 + random.nextGaussian() * 4;   // mean-reverting walk
                double cycle = swing * Math.sin(2 * Math.PI * k / PlanetLabTrace.SAMPLES + phase);
                double burst = random.nextInt(40) == 0 ? 30 + random.nextInt(50) : 0;
                double value = level + cycle + burst;
                if (idleSpells && (k / 24) % 4 == 3) {
                    value = 0;
                }
                percent[v][k] = (int) Math.max(0, Math.min(100, Math.round(value)));
            }
        }
        return new PlanetLabTrace("synthetic:" + vms + ":" + seed, names, percent);
    }
}
