package raypool.bench.peak;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import raypool.engine.kernel.VectorIsa;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures one core's single-precision peak: independent chains of vector FMAs
 * (FloatVector.SPECIES_PREFERRED), 2 flops per lane per FMA, timed by each thread's CPU time so that other
 * load on the machine does not lower it. Twelve chains hide the FMA latency (4 cycles on current x86
 * cores) on two FMA ports; fewer would measure latency, not throughput.
 *
 * <p>So that repeated runs agree: the loop is first run until C2 has compiled it (a fixed number of short
 * rounds, discarded), then every thread the benchmark uses runs {@link #ROUNDS} rounds, one thread after
 * the other. Other work on the machine can only slow a round down (a shared core, a preempted vCPU), never
 * speed it up, so the peak is taken from the least disturbed rounds: the median of the fastest quarter
 * ({@link #estimate}), with the spread of all rounds kept in the result.
 *
 * <p>What moved it before, measured on a 2-vCPU AMD EPYC (Zen 3) VM: the median of all rounds moved between
 * 68 and 85 GFLOP/s per core over four runs while other builds shared the machine (this estimate: 84.0 to
 * 85.2 over five runs at the same load); and with the threads' rounds run at the same time, 2 of 7 runs on
 * the otherwise idle VM gave 40-41 with every round of both threads near half the core's rate, as when
 * the hypervisor puts the two vCPUs on the two hardware threads of one core (the guest sees two cores
 * either way). One thread at a time measures what one core can do in both placements; the render threads'
 * 2-thread efficiency shows what sharing a core costs them. A best-of-few on one thread, the first
 * method, had moved between 56 and 81: a round that still ran C1 code decided it. On a CPU without FMA
 * (SimdSupport) the chains are a multiply and an add, two instructions for the same two flops.
 */
public final class PeakFlops {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int CHAINS = 12;
    /** Short rounds run first and thrown away: C2 compiles the loop during them. */
    private static final int WARMUP_ROUNDS = 6;
    static final int ROUNDS = 9;
    /** Iterations per round: about 10 ms of one core with 16 lanes, 40 ms with 4. */
    private static final long ITERATIONS = 5_000_000L;

    private PeakFlops() {
    }

    /**
     * The peak of one core, from {@link #ROUNDS} rounds on each of {@code threads} threads, one thread after
     * the other; takes about 0.2-0.5 s.
     */
    public static PeakMeasurement measure(int threads) {
        boolean fma = VectorIsa.current().fma();
        List<double[]> perThread = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            double[] rounds = new double[ROUNDS];
            perThread.add(rounds);
            Thread worker = Thread.ofPlatform().name("raypool-peak-" + t).start(() -> measureRounds(rounds, fma));
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while measuring the peak", e);
            }
        }
        double[] all = perThread.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return new PeakMeasurement(estimate(all), all[0], all[all.length - 1], all.length, threads, "measured",
            fma ? "fma" : "mul+add");
    }

    private static void measureRounds(double[] gflops, boolean fma) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        float sink = 0;
        for (int r = 0; r < WARMUP_ROUNDS; r++) {
            sink += chains(ITERATIONS / 10, fma);
        }
        for (int r = 0; r < gflops.length; r++) {
            long begin = cpu.getCurrentThreadCpuTime();
            sink += chains(ITERATIONS, fma);
            long nanos = cpu.getCurrentThreadCpuTime() - begin;
            gflops[r] = (double) ITERATIONS * CHAINS * F.length() * 2 / nanos;
        }
        if (sink == 42f) {
            // Keeps the chains' results alive so C2 cannot drop the loops.
            System.err.print("");
        }
    }

    /**
     * The peak from rounds sorted slowest first: the median of the fastest quarter (at least one round),
     * so that a single round faster than the rest cannot decide it alone, and up to three quarters of the
     * rounds may be slowed by other load without moving it.
     */
    static double estimate(double[] sorted) {
        int n = sorted.length;
        int fastest = Math.max(1, n / 4);
        return median(Arrays.copyOfRange(sorted, n - fastest, n));
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * Twelve independent chains of a * m + c, fused or as a multiply and an add. The branch is
     * loop-invariant: C2 unswitches it, so each form runs its own loop.
     */
    private static float chains(long iterations, boolean fused) {
        FloatVector m = FloatVector.broadcast(F, 0.999999f);
        FloatVector c = FloatVector.broadcast(F, 1e-7f);
        FloatVector a0 = FloatVector.broadcast(F, 1f), a1 = a0.add(1f), a2 = a0.add(2f), a3 = a0.add(3f);
        FloatVector a4 = a0.add(4f), a5 = a0.add(5f), a6 = a0.add(6f), a7 = a0.add(7f);
        FloatVector a8 = a0.add(8f), a9 = a0.add(9f), a10 = a0.add(10f), a11 = a0.add(11f);
        for (long i = 0; i < iterations; i++) {
            if (fused) {
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
            } else {
                a0 = a0.mul(m).add(c);
                a1 = a1.mul(m).add(c);
                a2 = a2.mul(m).add(c);
                a3 = a3.mul(m).add(c);
                a4 = a4.mul(m).add(c);
                a5 = a5.mul(m).add(c);
                a6 = a6.mul(m).add(c);
                a7 = a7.mul(m).add(c);
                a8 = a8.mul(m).add(c);
                a9 = a9.mul(m).add(c);
                a10 = a10.mul(m).add(c);
                a11 = a11.mul(m).add(c);
            }
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
            .reduceLanes(VectorOperators.ADD);
    }
}
