package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Migration time follows memory and bandwidth; checked on a manual clock, so no wall-clock timing. */
class MigrationTimingTest {
    private final SimClock.Manual clock = new SimClock.Manual(1_700_000_000_000L);
    private final SimConfig config = SimConfig.defaultStand("root", "pw");
    private final SimPool pool = new SimPool(config, clock, TraceWorkload.synthetic(config.seed(), config.vms(), clock.nowMillis()));
    private final SimSession session = pool.session(pool.login("root", "pw", "test"));

    /** The two smallest running guests on the first host, and the last host as their target. */
    private List<SimVm> twoSmallGuests() {
        SimHost first = pool.hostList().getFirst();
        return pool.vmList().stream().filter(v -> !v.controlDomain && v.running() && !v.localDisk
                        && v.residentOn.equals(first.ref))
                .sorted(Comparator.comparingLong(v -> v.memoryBytes)).limit(2).toList();
    }

    /** 10 GbE in the balancer's model: 62.5 MB/s x 10^0.74, about 343.4 MB/s, split among the copies on the link. */
    private double secondsToCopy(SimVm vm, int sharing) {
        assertEquals(10_000, config.migrationNicMbps());
        return vm.memoryBytes / (62.5e6 * Math.pow(10, 0.74)) * sharing;
    }

    private String status(String task) {
        return pool.read(() -> pool.record("task", task).orElseThrow().get("status").toString());
    }

    @Test
    void aMigrationTakesItsMemoryOverTheBandwidth() {
        SimVm vm = twoSmallGuests().getFirst();
        String target = pool.hostList().getLast().ref;
        String task = pool.startMigration(session, vm.ref, target);
        double seconds = secondsToCopy(vm, 1);
        clock.advanceBy(Duration.ofMillis((long) (seconds * 1000 * 0.9)));
        pool.advance();
        assertEquals("pending", status(task));
        double progress = (double) pool.read(() -> pool.record("task", task).orElseThrow().get("progress"));
        assertTrue(progress > 0.85 && progress < 0.95, "progress " + progress);
        clock.advanceBy(Duration.ofMillis((long) (seconds * 1000 * 0.2)));
        pool.advance();
        clock.advanceBy(Duration.ofMillis(400)); // switchover
        pool.advance();
        assertEquals("success", status(task));
        assertEquals(target, vm.residentOn);
    }

    @Test
    void concurrentMigrationsShareTheNetwork() {
        List<SimVm> vms = twoSmallGuests();
        String target = pool.hostList().getLast().ref;
        String a = pool.startMigration(session, vms.get(0).ref, target);
        String b = pool.startMigration(session, vms.get(1).ref, target);
        // alone, the smaller would be done after secondsToCopy(.., 1); sharing, it needs twice that
        clock.advanceBy(Duration.ofMillis((long) (secondsToCopy(vms.get(0), 1) * 1000 * 1.5)));
        pool.advance();
        assertEquals("pending", status(a));
        assertEquals(2, pool.migrationsInFlight());
        clock.advanceBy(Duration.ofMillis((long) (secondsToCopy(vms.get(1), 2) * 1000)));
        pool.advance();
        clock.advanceBy(Duration.ofMillis(400));
        pool.advance();
        clock.advanceBy(Duration.ofMillis(400));
        pool.advance();
        assertEquals("success", status(a));
        assertEquals("success", status(b));
    }

    @Test
    void migrationsOnDifferentHostsDoNotShareALink() {
        List<SimHost> hosts = pool.hostList();
        SimVm first = twoSmallGuests().getFirst();
        SimVm second = pool.vmList().stream().filter(v -> !v.controlDomain && v.running() && !v.localDisk
                        && v.residentOn.equals(hosts.get(1).ref))
                .min(Comparator.comparingLong(v -> v.memoryBytes)).orElseThrow();
        String a = pool.startMigration(session, first.ref, hosts.get(3).ref);
        String b = pool.startMigration(session, second.ref, hosts.get(2).ref);
        double alone = Math.max(secondsToCopy(first, 1), secondsToCopy(second, 1));
        clock.advanceBy(Duration.ofMillis((long) (alone * 1000 * 1.05)));
        pool.advance();
        clock.advanceBy(Duration.ofMillis(400)); // switchover
        pool.advance();
        assertEquals("success", status(a));
        assertEquals("success", status(b));
    }

    @Test
    void memoryIsReservedOnTheTargetWhileCopying() {
        SimVm vm = twoSmallGuests().getFirst();
        SimHost target = pool.hostList().getLast();
        long before = pool.read(() -> pool.freeMemory(target));
        pool.startMigration(session, vm.ref, target.ref);
        assertEquals(before - vm.memoryBytes, (long) pool.read(() -> pool.freeMemory(target)));
    }
}
