package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import raypool.xapi.client.HostRecord;
import raypool.xapi.client.PoolApi;
import raypool.xapi.client.Ref;
import raypool.xapi.client.TaskResult;
import raypool.xapi.client.VmRecord;
import raypool.xapi.client.XapiClient;

/** The default stand is run as a pool is: every host has room to take another's guest. */
class StandTest {
    private final SimClock.Manual clock = new SimClock.Manual(1_700_000_000_000L);

    private SimPool pool(SimConfig config) {
        return new SimPool(config, clock, TraceWorkload.synthetic(config.seed(), config.vms(), clock.nowMillis()));
    }

    @Test
    void everyHostKeepsAQuarterFreeAndRoomForTheLargestGuestElsewhere() {
        for (int vms : new int[] {40, 24, 60}) {
            SimPool pool = pool(SimConfig.defaultStand("root", "pw").withVms(vms));
            long largest = pool.vmList().stream().filter(v -> !v.controlDomain).mapToLong(v -> v.memoryBytes).max()
                    .orElseThrow();
            for (SimHost h : pool.hostList()) {
                long free = pool.read(() -> pool.freeMemory(h));
                assertTrue(free >= h.memoryBytes / 4, h.name + " has " + (free >> 30) + " GiB free with " + vms + " VMs");
                assertTrue(free >= largest, h.name + " cannot take the largest guest");
                long guests = pool.vmList().stream().filter(v -> !v.controlDomain && v.residentOn.equals(h.ref)).count();
                assertTrue(guests > 0, h.name + " has guests to balance or evacuate");
            }
        }
    }

    @Test
    void theStandIsSkewedTowardsTheFirstHosts() {
        SimPool pool = pool(SimConfig.defaultStand("root", "pw"));
        List<Integer> vcpus = pool.hostList().stream().map(h -> pool.vmList().stream()
                .filter(v -> !v.controlDomain && v.residentOn.equals(h.ref)).mapToInt(v -> v.vcpus).sum()).toList();
        for (int i = 1; i < vcpus.size(); i++) {
            assertTrue(vcpus.get(i - 1) > vcpus.get(i), "vCPUs per host fall from host-1 on: " + vcpus);
        }
        assertEquals(1, pool.vmList().stream().filter(v -> !v.controlDomain && !v.running()).count(),
                "every guest but the deliberately halted one runs");
    }

    @Test
    void withoutHeadroomHostsArePackedAsBefore() {
        SimPool pool = pool(SimConfig.defaultStand("root", "pw").withVms(60).withHeadroom(0));
        long tight = pool.hostList().stream().filter(h -> pool.read(() -> pool.freeMemory(h)) < h.memoryBytes / 4).count();
        assertTrue(tight > 0, "some host is more than 75 % full");
    }

    /** What a third-party client does first: list the pool and move host-1's first running VM to host-2. */
    @Test
    void theFirstRunningVmOfHost1LiveMigratesToHost2() {
        try (SimFixture sim = SimFixture.start(1000); XapiClient client = sim.login()) {
            PoolApi api = new PoolApi(client);
            Map<Ref, HostRecord> hosts = api.hosts();
            Map<Ref, VmRecord> vms = api.vms();
            HostRecord host1 = hosts.values().stream().filter(h -> h.nameLabel().equals("host-1")).findFirst().orElseThrow();
            HostRecord host2 = hosts.values().stream().filter(h -> h.nameLabel().equals("host-2")).findFirst().orElseThrow();
            VmRecord first = host1.residentVms().stream().map(vms::get).filter(VmRecord::isMovableGuest).findFirst()
                    .orElseThrow();
            TaskResult done = api.migrate(first.ref(), host2.ref(), Duration.ofSeconds(30));
            assertEquals("", done.result());
            assertEquals(host2.ref(), api.vms().get(first.ref()).residentOn());
        }
    }
}
