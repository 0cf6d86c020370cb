package raypool.xapi.sim;

import java.util.SplittableRandom;

/**
 * The default stand's mix of guests: a seeded draw of a kind per VM (a quarter idle, 30 % web, a
 * quarter database, a fifth batch), which {@link StandBuilder} turns into vCPUs and memory. The draw
 * is the one the pool's own synthetic workload made before its load came from the balancer's traces,
 * random numbers consumed in the same order, so that a seed still gives the same stand (the same
 * sizes, placement and names), which the fault tests' situations rest on.
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
