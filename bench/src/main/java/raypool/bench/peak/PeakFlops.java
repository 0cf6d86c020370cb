package raypool.bench.peak;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Measures one core's single-precision peak the way anchors.md §3 did: independent chains of vector
 * FMAs (FloatVector.SPECIES_PREFERRED, 16 lanes with AVX-512), 2 flops per lane per FMA, timed by the
 * thread's CPU time so that other load on the machine does not lower it. Twelve chains hide the FMA
 * latency (4 cycles) on two FMA ports; fewer would measure latency, not throughput.
 */
public final class PeakFlops {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int CHAINS = 12;
    private static final long ITERATIONS = 100_000_000L;

    private PeakFlops() {
    }

    /** GFLOP/s of one core; takes about 0.2 s. */
    public static double measurePerCore() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = 0;
        for (int round = 0; round < 4; round++) {
            // The first rounds let C2 compile the loop; the best round is the peak.
            long start = threads.getCurrentThreadCpuTime();
            float sink = fmaChains(ITERATIONS / 4);
            long nanos = threads.getCurrentThreadCpuTime() - start;
            if (sink == 42f) {
                System.err.print("");
            }
            double flops = (double) (ITERATIONS / 4) * CHAINS * F.length() * 2;
            best = Math.max(best, flops / nanos);
        }
        return best;
    }

    private static float fmaChains(long iterations) {
        FloatVector m = FloatVector.broadcast(F, 0.999999f);
        FloatVector c = FloatVector.broadcast(F, 1e-7f);
        FloatVector a0 = FloatVector.broadcast(F, 1f), a1 = a0.add(1f), a2 = a0.add(2f), a3 = a0.add(3f);
        FloatVector a4 = a0.add(4f), a5 = a0.add(5f), a6 = a0.add(6f), a7 = a0.add(7f);
        FloatVector a8 = a0.add(8f), a9 = a0.add(9f), a10 = a0.add(10f), a11 = a0.add(11f);
        for (long i = 0; i < iterations; i++) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
            .reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
    }
}
