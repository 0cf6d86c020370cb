package raypool.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import raypool.balancer.model.HostState;

/** Windows in pool time, dom0's load, unknown metrics and implausible ones. */
class SnapshotBuilderTest {
    static final long GIB = 1L << 30;
    static final long T0 = 1_700_000_000_000L - 1_700_000_000_000L % 300_000;
    static final PlacementRules NO_RULES = new PlacementRules(List.of(), List.of(), List.of(), List.of());

    static PoolState.Samples every5s(long from, long to, double value) {
        int n = (int) ((to - from) / 5000);
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = from + i * 5000L;
            v[i] = value;
        }
        return new PoolState.Samples(t, v);
    }

    static PoolState state(long now, PoolState.Samples vmCpu, PoolState.Samples dom0) {
        return new PoolState(now, PoolState.Pool.plain("h"), List.of(PoolState.Host.builder("h", "host")
                .size(10, 64 * GIB, 60 * GIB).cpu(PoolState.Samples.of(now, 0.5)).dom0Threads(dom0).build()),
                List.of(PoolState.Vm.simple("v", "vm", 4, 4 * GIB, "h", Optional.empty(), vmCpu)), List.of());
    }

    @Test
    void historyIsInWindowsOfFiveMinutesWhateverTheRoundInterval() {
        SnapshotBuilder b = new SnapshotBuilder(0);
        // 30 minutes of rounds every minute, each with the minute's twelve 5-second samples: 20 % up to
        // minute 16, then 80 % (the windows end at the newest minute: 26-30, 21-25, 16-20, ...)
        SnapshotBuilder.Built last = null;
        for (int minute = 1; minute <= 30; minute++) {
            long now = T0 + minute * 60_000L;
            double cpu = minute <= 16 ? 0.2 : 0.8;
            last = b.build(state(now, every5s(now - 60_000, now, cpu), PoolState.Samples.NONE), minute,
                    DaemonMemory.EMPTY, Duration.ofHours(1), NO_RULES);
        }
        var s = last.snapshot();
        // 30 minutes are six 5-minute windows (seven, as they fall on the slots), never 30 entries
        assertTrue(s.historyLength(0) == 6 || s.historyLength(0) == 7, "windows: " + s.historyLength(0));
        assertEquals(0.8, s.history(0, 0), 1e-9);
        assertEquals(0.8, s.history(0, 2), 1e-9);
        assertEquals(0.2, s.history(0, 3), 1e-9);
        assertEquals(0.2, s.history(0, 5), 1e-9);
        assertEquals(0.8 * 4000, s.demand(0), 1e-6, "demand: the newest window");
    }

    @Test
    void samplesReadTwiceCountOnce() {
        SnapshotBuilder b = new SnapshotBuilder(0);
        long now = T0 + 300_000;
        b.build(state(now, every5s(now - 300_000, now, 0.4), PoolState.Samples.NONE), 1, DaemonMemory.EMPTY,
                Duration.ofHours(1), NO_RULES);
        // the next read overlaps the last 4 minutes of the first, with other values: they are not taken again
        long later = now + 60_000;
        var built = b.build(state(later, every5s(later - 300_000, later, 0.9), PoolState.Samples.NONE), 2,
                DaemonMemory.EMPTY, Duration.ofHours(1), NO_RULES);
        double window = built.snapshot().history(0, 0);
        assertTrue(window < 0.6, "only the new minute at 90 % joins the window: " + window);
    }

    @Test
    void theControlDomainsLoadIsCapacityNoGuestHas() {
        SnapshotBuilder b = new SnapshotBuilder(0);
        long now = T0 + 300_000;
        var built = b.build(state(now, every5s(now - 300_000, now, 0.5), every5s(now - 300_000, now, 2.0)), 1,
                DaemonMemory.EMPTY, Duration.ofHours(1), NO_RULES);
        assertEquals(8 * SnapshotBuilder.MIPS_PER_THREAD, built.snapshot().host(0).capacityMips(), 1e-9,
                "10 threads, 2 of them busy in dom0");
        assertEquals(2000.0 / 8000, built.snapshot().hostUtilization(0), 1e-9);
    }

    @Test
    void missingMetricsAreUnknownNeverZero() {
        SnapshotBuilder b = new SnapshotBuilder(0);
        var built = b.build(state(T0, PoolState.Samples.NONE, PoolState.Samples.NONE), 1, DaemonMemory.EMPTY,
                Duration.ofHours(1), NO_RULES);
        assertEquals(HostState.EXCLUDED, built.snapshot().hostState(0), "a host with a VM of unknown load");
        assertTrue(built.vms().getFirst().unknown().isPresent());
        assertTrue(built.snapshot().vm(0).excluded());
        assertEquals(4000, built.snapshot().demand(0), 1e-9, "an unknown load is taken at its most, never as idle");
    }

    @Test
    void aVmAtExactlyZeroInEverySampleIsImplausible() {
        long now = T0 + 300_000;
        var built = new SnapshotBuilder(12).build(state(now, every5s(now - 300_000, now, 0.0), PoolState.Samples.NONE),
                1, DaemonMemory.EMPTY, Duration.ofHours(1), NO_RULES);
        assertEquals(1, built.implausible().size(), built.implausible().toString());
        var off = new SnapshotBuilder(0).build(state(now, every5s(now - 300_000, now, 0.0), PoolState.Samples.NONE),
                1, DaemonMemory.EMPTY, Duration.ofHours(1), NO_RULES);
        assertTrue(off.implausible().isEmpty(), "the check can be turned off");
    }
}
