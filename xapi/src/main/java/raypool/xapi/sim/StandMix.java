package raypool.xapi.sim;

import java.util.SplittableRandom;

/**
 * The default stand's mix of guests: a seeded draw of a kind per VM (a quarter idle, 30 % web, a
 * quarter database, a fifth batch), which {@link StandBuilder} turns into vCPUs and memory. The draw
 * consumes random numbers as the pool's first synthetic workload did, so that a seed keeps giving the
 * same kinds and names (vm-01-database, vm-02-idle, ...) whatever the load and sizes made of them.
 */
final class StandMix {
    private StandMix() {
    }

    static String[] kinds(long seed, int vms) {
        SplittableRandom r = new SplittableRandom(seed);
        String[] kinds = new String[vms];
        for (int i = 0; i < vms; i++) {
            double pick = r.nextDouble();
            r.nextDouble(2 * Math.PI);                  // the load's phase, once drawn here
            if (pick < 0.25) {
                kinds[i] = "idle";
                r.nextDouble(0.04);
            } else if (pick < 0.55) {
                kinds[i] = "web";
                r.nextDouble(0.15);
                r.nextDouble(0.1);
                r.nextLong(1_800_000);
                r.nextDouble(8e6);
            } else if (pick < 0.80) {
                kinds[i] = "database";
                r.nextDouble(0.2);
                r.nextDouble(3e7);
            } else {
                kinds[i] = "batch";
                r.nextDouble(0.3);
                r.nextLong(900_000);
            }
        }
        return kinds;
    }
}
