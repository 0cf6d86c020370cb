package raypool.balancer.capacity;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.balancer.model.HostSpec;
import raypool.balancer.sim.Replay;
import raypool.balancer.sim.ReplayResult;
import raypool.balancer.sim.StepListener;
import raypool.balancer.trace.PlanetLabTrace;
import raypool.balancer.trace.SyntheticTraces;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A two-type fleet whose threads differ 2x in speed, replayed with measured and with counted threads. */
class MeasuredFleetTest {
    @TempDir
    static Path dir;
    static FleetFile.MeasuredFleet fleet;
    static final PlanetLabTrace TRACE = SyntheticTraces.generate(120, 42);

    @BeforeAll
    static void writeFleet() throws IOException {
        Files.writeString(dir.resolve("slow.json"), RaybenchCapacityTest.result(2, 2, 100));    // 50 per thread
        Files.writeString(dir.resolve("fast.json"), RaybenchCapacityTest.result(2, 2, 200));    // 100 per thread
        Path file = Files.writeString(dir.resolve("fleet.json"), """
                {"groups": [
                  {"name": "slow", "count": 30, "raybench": "slow.json", "memory_gib": 8, "power_watts": [47, 68]},
                  {"name": "fast", "count": 30, "raybench": "fast.json", "memory_gib": 8,
                   "power_watts": [93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135]}]}""");
        fleet = FleetFile.read(file);
    }

    @Test
    void groupsInterleaveInProportionToTheirCounts() {
        assertEquals(60, fleet.groupOfHost().length);
        assertArrayEquals(new int[] {0, 1, 0, 1}, java.util.Arrays.copyOf(fleet.groupOfHost(), 4), "equal groups alternate");
        FleetFile.MeasuredFleet uneven = new FleetFile.MeasuredFleet(fleet.file(), List.of(
                withCount(fleet.groups().get(0), 1), withCount(fleet.groups().get(1), 3)), fleet.calibration());
        assertArrayEquals(new int[] {1, 1, 0, 1}, uneven.groupOfHost());
    }

    private static FleetFile.Group withCount(FleetFile.Group g, int count) {
        return new FleetFile.Group(g.name(), count, g.raybench(), g.measured(), g.memoryGib(), g.ramMb(), g.power(),
                g.threadMips());
    }

    @Test
    void measuredHostsDifferAndCountedThreadsAreAllTheSame() {
        List<HostSpec> real = fleet.hosts();
        List<HostSpec> counted = fleet.threadCountHosts();
        // 30 x 100 + 30 x 200 frames/s on 120 threads: 75 per thread is 2660 MIPS
        assertEquals(2660 * 50 / 75.0, real.get(0).peMips(), 1e-9);
        assertEquals(2 * real.get(0).peMips(), real.get(1).peMips(), 1e-9, "fast threads are twice as fast");
        assertEquals(2, real.get(0).cores());
        assertEquals("fast", real.get(1).model());
        assertEquals(8 * 1024, real.get(0).ramMb());
        assertEquals(57.5, real.get(0).power().watts(0.5), 1e-9);
        double total = real.stream().mapToDouble(HostSpec::capacityMips).sum();
        assertEquals(total, counted.stream().mapToDouble(HostSpec::capacityMips).sum(), 1e-6, "same total capacity");
        assertTrue(counted.stream().allMatch(h -> h.peMips() == RaybenchCapacity.AVERAGE_THREAD_MIPS));
    }

    @Test
    void countingThreadsOverFillsTheSlowHostsAsTheMappingPredicts() {
        for (String rules : Replay.RULES) {
            for (String policy : List.of("wlb-density", "thr-mmt")) {
                ReplayResult measured = Replay.run(TRACE, fleet.hosts(), fleet.hosts(), policy, rules, StepListener.NONE);
                ReplayResult counted = Replay.run(TRACE, fleet.hosts(), fleet.threadCountHosts(), policy, rules,
                        StepListener.NONE);
                String what = rules + " " + policy;
                // told every thread is average, the planner over-fills the slow hosts: they run short of CPU
                assertTrue(counted.hostsOverCapacity() > measured.hostsOverCapacity(), what);
                assertTrue(counted.hostHoursOverCapacity() > measured.hostHoursOverCapacity(), what);
                assertTrue(counted.slatah() > measured.slatah(), what);
                assertEquals(measured.energyLowerBoundKwh(), counted.energyLowerBoundKwh(), 0, "one fleet, one bound");
                assertTrue(measured.energyVsBound().getAsDouble() >= 1, what);
                assertTrue(counted.energyVsBound().getAsDouble() >= 1, what);
            }
        }
    }
}
