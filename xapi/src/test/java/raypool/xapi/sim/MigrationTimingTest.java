package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Migration time in the pool follows memory, bandwidth and how the link is shared; checked on a manual
 * clock, so no wall-clock timing. The guests here write no memory, so each copy is one round, M / B.
 */
class MigrationTimingTest {
    private final SimClock.Manual clock = new SimClock.Manual(1_700_000_000_000L);
    private final SimConfig config = SimConfig.defaultStand("root", "pw");
    private final TraceWorkload load = TraceWorkload.synthetic(config.seed(), config.vms(), clock.nowMillis());
    private final SimPool pool = new SimPool(config, clock, new Quiet(load));
    private final SimSession session = pool.session(pool.login("root", "pw", "test"));
    private static final double B = PreCopy.linkBytesPerSecond(10_000);

    /** The synthetic load, but guests that write no memory while they migrate. */
    private record Quiet(Workload base) implements Workload {
        @Override
        public double cpu(int vm, long t) {
            return base.cpu(vm, t);
        }

        @Override
        public double networkBytesPerSecond(int vm, long t) {
            return base.networkBytesPerSecond(vm, t);
        }

        @Override
        public double diskBytesPerSecond(int vm, long t) {
            return base.diskBytesPerSecond(vm, t);
        }

        @Override
        public String kind(int vm) {
            return base.kind(vm);
        }

        @Override
        public double memoryDirtyBytesPerSecond(int vm, long t) {
            return 0;
        }
    }

    private List<SimVm> smallGuests(SimHost on, int count) {
        return pool.vmList().stream().filter(v -> !v.controlDomain && v.running() && !v.localDisk
                        && v.residentOn.equals(on.ref))
                .sorted(Comparator.comparingLong(v -> v.memoryBytes)).limit(count).toList();
    }

    private SimHost host(int number) {
        return pool.hostList().get(number - 1);
    }

    private static double seconds(SimVm vm, int sharing) {
        return vm.memoryBytes / B * sharing;
    }

    private String status(String task) {
        return pool.read(() -> pool.record("task", task).orElseThrow().get("status").toString());
    }

    private void step(double seconds) {
        clock.advanceBy(Duration.ofMillis(Math.round(seconds * 1000)));
        pool.advance();
    }

    @Test
    void aMigrationTakesItsMemoryOverTheBandwidthThenSwitchesOver() {
        SimVm vm = smallGuests(host(1), 1).getFirst();
        String task = pool.startMigration(session, vm.ref, host(4).ref);
        step(seconds(vm, 1) * 0.9);
        assertEquals("pending", status(task));
        double progress = (double) pool.read(() -> pool.record("task", task).orElseThrow().get("progress"));
        assertEquals(0.81, progress, 0.01, "the first round is 90 % of the progress");
        step(seconds(vm, 1) * 0.1 + 0.2);
        assertEquals("pending", status(task), "still switching over");
        step(0.15);
        assertEquals("success", status(task));
        assertEquals(host(4).ref, vm.residentOn);
    }

    @Test
    void copiesLeavingOneHostShareItsLink() {
        List<SimVm> guests = smallGuests(host(1), 20);
        SimVm small = guests.getFirst();
        List<SimVm> vms = List.of(small, guests.stream().filter(v -> v.memoryBytes > small.memoryBytes)
                .findFirst().orElseThrow());
        String a = pool.startMigration(session, vms.get(0).ref, host(4).ref);
        String b = pool.startMigration(session, vms.get(1).ref, host(3).ref);
        // alone, the smaller would be done after seconds(.., 1); sharing host-1's link it needs twice that
        step(seconds(vms.get(0), 1) * 1.5);
        assertEquals("pending", status(a));
        assertEquals(2, pool.migrationsInFlight());
        step(seconds(vms.get(0), 2) - seconds(vms.get(0), 1) * 1.5 + 0.31);
        assertEquals("success", status(a));
        assertEquals("pending", status(b));
        step(seconds(vms.get(1), 1) + 0.31);
        assertEquals("success", status(b), "the second speeds up once it has the link alone");
    }

    @Test
    void theLinkIsFullDuplex() {
        SimVm out = smallGuests(host(1), 1).getFirst();
        SimVm back = smallGuests(host(2), 1).getFirst();
        String a = pool.startMigration(session, out.ref, host(2).ref);
        String b = pool.startMigration(session, back.ref, host(1).ref);
        step(Math.max(seconds(out, 1), seconds(back, 1)) + 0.31);
        assertEquals("success", status(a), "host-1 sends while it receives");
        assertEquals("success", status(b));
    }

    @Test
    void migrationsBetweenOtherHostsDoNotShareALink() {
        SimVm first = smallGuests(host(1), 1).getFirst();
        SimVm second = smallGuests(host(2), 1).getFirst();
        String a = pool.startMigration(session, first.ref, host(4).ref);
        String b = pool.startMigration(session, second.ref, host(3).ref);
        step(Math.max(seconds(first, 1), seconds(second, 1)) + 0.31);
        assertEquals("success", status(a));
        assertEquals("success", status(b));
    }

    @Test
    void aBusyGuestTakesTheRoundsThePhysicsSays() {
        SimPool busy = new SimPool(config, clock, load);
        SimSession s = busy.session(busy.login("root", "pw", "test"));
        SimVm vm = busy.vmList().stream().filter(v -> !v.controlDomain && v.running() && !v.localDisk
                && busy.workload().kind(v.workloadIndex).equals("batch")).findFirst().orElseThrow();
        double dirty = load.memoryDirtyBytesPerSecond(vm.workloadIndex, clock.nowMillis());
        assertTrue(dirty > 0);
        PreCopy.Estimate expected = PreCopy.estimate(vm.memoryBytes, GuestKind.BATCH.writableWorkingSet(), B, dirty);
        SimHost target = busy.hostList().stream().filter(h -> !h.ref.equals(vm.residentOn)).reduce((x, y) -> y)
                .orElseThrow();
        String task = busy.startMigration(s, vm.ref, target.ref);
        // the load stays within one 5-minute sample's interpolation, so the dirty rate barely moves
        clock.advanceBy(Duration.ofMillis((long) (expected.seconds() * 1000 * 0.97)));
        busy.advance();
        assertEquals("pending", busy.read(() -> busy.record("task", task).orElseThrow().get("status")));
        clock.advanceBy(Duration.ofMillis((long) (expected.seconds() * 1000 * 0.06)));
        busy.advance();
        assertEquals("success", busy.read(() -> busy.record("task", task).orElseThrow().get("status")));
        assertTrue(expected.seconds() > vm.memoryBytes / B, "re-copying dirtied pages takes longer than one pass");
    }

    @Test
    void memoryIsReservedOnTheTargetWhileCopying() {
        SimVm vm = smallGuests(host(1), 1).getFirst();
        SimHost target = host(4);
        long before = pool.read(() -> pool.freeMemory(target));
        pool.startMigration(session, vm.ref, target.ref);
        assertEquals(before - vm.memoryBytes, (long) pool.read(() -> pool.freeMemory(target)));
    }
}
