package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The live-migration physics against answers worked out by hand. */
class PreCopyTest {
    private static final long GIB = SimConfig.GIB;
    private static final double B = PreCopy.linkBytesPerSecond(10_000);
    private static final double SWITCHOVER = PreCopy.SWITCHOVER_MILLIS / 1000.0;

    @Test
    void tenGigabitEthernetCarriesItsTcpPayload() {
        // 10 Gbit/s = 1.25e9 B/s on the wire, of which 1448/1538 is payload
        assertEquals(1.25e9 * 1448 / 1538, B, 1.0);
        assertEquals(B / 10, PreCopy.linkBytesPerSecond(1_000), 1e-6);
    }

    @Test
    void aGuestThatWritesNothingIsCopiedOnce() {
        PreCopy.Estimate e = PreCopy.estimate(8 * GIB, 0.1, B, 0);
        assertEquals(8 * GIB / B + SWITCHOVER, e.seconds(), 1e-9);
        assertEquals(1, e.rounds());
        assertEquals(8.0 * GIB, e.bytesSent(), 1.0);
        assertEquals(SWITCHOVER, e.downtimeSeconds(), 1e-9);
    }

    @Test
    void roundsShrinkByTheRatioOfDirtyRateToBandwidth() {
        // D = B/4 and a working set as large as memory: rounds of M, M/4, ..., M/256 (five, the most
        // libxc makes), then the pause copies M/1024 (8 MiB, above the 50-page threshold)
        long m = 8 * GIB;
        PreCopy.Estimate e = PreCopy.estimate(m, 1.0, B, B / 4);
        double copied = 0;
        for (int i = 0; i <= 5; i++) {
            copied += m / Math.pow(4, i);
        }
        assertEquals(5, e.rounds());
        assertEquals(copied, e.bytesSent(), 1e-3 * m / 1024);
        assertEquals(copied / B + SWITCHOVER, e.seconds(), 1e-6);
        assertEquals(m / 1024.0 / B + SWITCHOVER, e.downtimeSeconds(), 1e-6);
    }

    @Test
    void fewDirtyPagesEndThePreCopyEarly() {
        // the first round of 1 GiB lasts 0.91 s; at 100 kB/s that dirties 91 kB, under 50 pages (205 kB)
        long m = GIB;
        PreCopy.Estimate e = PreCopy.estimate(m, 0.1, B, 1e5);
        double dirty = 1e5 * m / B;
        assertTrue(dirty < PreCopy.DIRTY_THRESHOLD_PAGES * PreCopy.PAGE_BYTES);
        assertEquals(1, e.rounds());
        assertEquals(m + dirty, e.bytesSent(), 1.0);
        assertEquals(dirty / B + SWITCHOVER, e.downtimeSeconds(), 1e-9);
    }

    @Test
    void aGuestWritingFasterThanTheLinkNeverConverges() {
        // D = 2B: every round re-copies the whole working set W = M/10; five rounds, then the pause copies W
        long m = 16 * GIB;
        double w = 0.1 * m;
        PreCopy.Estimate e = PreCopy.estimate(m, 0.1, B, 2 * B);
        assertEquals(5, e.rounds());
        assertEquals(m + 5 * w, e.bytesSent(), 1.0);
        assertEquals((m + 5 * w) / B + SWITCHOVER, e.seconds(), 1e-6);
        assertEquals(w / B + SWITCHOVER, e.downtimeSeconds(), 1e-6);
    }

    @Test
    void halfTheBandwidthTakesTwiceAsLong() {
        PreCopy.Estimate alone = PreCopy.estimate(4 * GIB, 0.05, B, 4e7);
        PreCopy.Estimate shared = PreCopy.estimate(4 * GIB, 0.05, B / 2, 4e7);
        assertTrue(shared.seconds() > 2 * (alone.seconds() - SWITCHOVER), "and the slower rounds leave more to re-copy");
        assertTrue(shared.bytesSent() > alone.bytesSent());
    }

    @Test
    void smallStepsIntegrateToTheSameAnswer() {
        long m = 6 * GIB;
        PreCopy.Estimate whole = PreCopy.estimate(m, 0.25, B, B / 3);
        PreCopy stepped = new PreCopy(m, 0.25);
        while (!stepped.done()) {
            stepped.advance(0.037, B, B / 3, false);
        }
        assertEquals(whole.seconds(), stepped.secondsElapsed(), 1e-6);
        assertEquals(whole.bytesSent(), stepped.bytesSent(), 1.0);
        assertEquals(whole.downtimeSeconds(), stepped.downtimeSeconds(), 1e-6);
        assertEquals(whole.rounds(), stepped.rounds());
    }

    @Test
    void aStepCanStopHalfwayThroughTheFirstRound() {
        long m = 2 * GIB;
        PreCopy copy = new PreCopy(m, 0.1);
        double used = copy.advance(3600, B, 1e7, true);
        assertEquals(m / 2.0 / B, used, 1e-9);
        assertTrue(copy.pastHalfway());
        assertFalse(copy.done());
        assertEquals(0.45, copy.progress(), 1e-9);
        copy.advance(3600, B, 1e7, false);
        assertTrue(copy.done());
        assertEquals(0.99, copy.progress(), 1e-9);
    }
}
