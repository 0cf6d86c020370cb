package raypool.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Windows of pool time from running totals: means, a gap that ends the history, an outage longer than the ring. */
class CpuHistoryTest {
    static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % 300_000;

    /** One sample every 5 s in [fromMinute, toMinute), at {@code value}. */
    static PoolState.Samples minutes(int fromMinute, int toMinute, double value) {
        int n = (toMinute - fromMinute) * 12;
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + fromMinute * 60_000L + i * 5000L;
            v[i] = value;
        }
        return new PoolState.Samples(t, v);
    }

    @Test
    void meansOfTheWindowsEndingNow() {
        CpuHistory h = new CpuHistory(4);
        h.add("v", minutes(0, 10, 0.2));
        h.add("v", minutes(10, 20, 0.6));
        // now is in minute 19: windows 15-19, 10-14, 5-9, 0-4
        assertArrayEquals(new double[] {0.6, 0.6, 0.2, 0.2}, h.windows("v", T0 + 19 * 60_000L + 30_000), 1e-12);
        // half a window later the newest window straddles the change
        double[] later = h.windows("v", T0 + 22 * 60_000L);
        assertEquals(0.6, later[0], 1e-12, "minutes 18-22 hold samples only up to 19");
        assertEquals(4, later.length, "minutes 18-22, 13-17, 8-12 (both values) and 3-7");
        assertEquals((2 * 0.2 + 3 * 0.6) / 5, later[2], 1e-12);
    }

    @Test
    void aGapEndsTheHistory() {
        CpuHistory h = new CpuHistory(6);
        h.add("v", minutes(0, 10, 0.3));
        h.add("v", minutes(20, 25, 0.9));
        assertArrayEquals(new double[] {0.9}, h.windows("v", T0 + 24 * 60_000L), 1e-12,
                "minutes 15-19 have no sample: what came before is not used");
    }

    @Test
    void anOutageLongerThanTheRingKeepsOnlyWhatFollows() {
        CpuHistory h = new CpuHistory(2);   // 11 one-minute slots
        h.add("v", minutes(0, 5, 0.1));
        h.add("v", minutes(100, 110, 0.5));
        assertArrayEquals(new double[] {0.5, 0.5}, h.windows("v", T0 + 109 * 60_000L), 1e-12);
        assertEquals(0, h.windows("other", T0).length);
    }
}
