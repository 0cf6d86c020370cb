package raypool.bench.peak;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeakFlopsTest {

    @Test
    void slowedRoundsDoNotMoveThePeak() {
        // Eighteen rounds of one run on a shared host (GFLOP/s, slowest first): eleven slowed by other load.
        double[] shared = {63.6, 64.0, 64.9, 65.2, 66.0, 66.8, 67.5, 68.0, 68.3, 69.1, 70.2, 80.9, 83.0, 84.1, 84.5, 84.7,
            84.8, 84.8};
        // The same host with nothing else running: every round near the core's peak.
        double[] quiet = {83.9, 84.1, 84.2, 84.4, 84.4, 84.5, 84.5, 84.6, 84.6, 84.7, 84.7, 84.7, 84.8, 84.8, 84.8, 84.9,
            84.9, 85.0};
        double a = PeakFlops.estimate(shared);
        double b = PeakFlops.estimate(quiet);
        assertEquals(84.75, a, 1e-9, "median of the fastest four of eighteen");
        assertTrue(Math.abs(a - b) / b < 0.01, a + " against " + b);
        assertTrue(PeakFlops.median(shared) < 0.85 * b, "the median of all rounds is what moved");
    }

    @Test
    void oneFastRoundDoesNotDecideAlone() {
        double[] rounds = {80, 80, 80, 80, 80, 80, 80, 99};
        assertEquals(89.5, PeakFlops.estimate(rounds), 1e-9, "fastest two of eight");
        assertEquals(42, PeakFlops.estimate(new double[] {42}), 1e-9);
        assertEquals(42, PeakFlops.estimate(new double[] {10, 20, 42}), 1e-9, "fewer than four rounds: the fastest");
    }

    @Test
    void measuredPeakIsPositiveAndWithinItsRounds() {
        PeakMeasurement m = PeakFlops.measure(1);
        assertEquals(PeakFlops.ROUNDS, m.rounds());
        assertTrue(m.min() > 0 && m.min() <= m.perCore() && m.perCore() <= m.max(), m.toString());
        assertEquals("measured", m.source());
        PeakMeasurement two = PeakFlops.measure(2);
        assertEquals(2 * PeakFlops.ROUNDS, two.rounds(), "every thread's rounds count");
        assertEquals(2, two.threads());
    }
}
