package raypool.balancer.sim;

import org.junit.jupiter.api.Test;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.PowerModel;
import raypool.balancer.model.VmSpec;
import raypool.balancer.trace.PlanetLabTrace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The energy bound on tiny hand-made days. Hosts: two of type A (1 thread of 1000 MIPS, idle 50 W,
 * 100 W full: 0.05 W per MIPS) and two of type B (2 threads of 1000, idle 80 W, 120 W full: 0.02 W per MIPS).
 */
class EnergyBoundTest {
    private static final double DAY_S = 288 * 300;
    /** cloudsim charges from its first step (300.1 s) to its last (86100.1 s). */
    private static final double CLOUDSIM_S = 286 * 300;

    static List<HostSpec> hosts() {
        PowerModel a = PowerModel.of(50, 100);
        PowerModel b = PowerModel.of(80, 120);
        return List.of(new HostSpec(0, "A", 1, 1000, 4096, 1000, a), new HostSpec(1, "B", 2, 1000, 4096, 1000, b),
                new HostSpec(2, "A", 1, 1000, 4096, 1000, a), new HostSpec(3, "B", 2, 1000, 4096, 1000, b));
    }

    /** VMs of 1000 MIPS and {@code ramMb}, each at a constant CPU percentage all day. */
    static PlanetLabTrace day(int... percent) {
        List<String> names = new ArrayList<>();
        int[][] samples = new int[percent.length][PlanetLabTrace.SAMPLES];
        for (int v = 0; v < percent.length; v++) {
            names.add("vm" + v);
            Arrays.fill(samples[v], percent[v]);
        }
        return new PlanetLabTrace("hand-made", names, samples);
    }

    static List<VmSpec> vms(int count, int ramMb) {
        List<VmSpec> vms = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            vms.add(VmSpec.plain(v, "vm" + v, 1000, ramMb));
        }
        return vms;
    }

    static double kwh(double watts, double seconds) {
        return watts * seconds / 3.6e6;
    }

    @Test
    void oneEfficientHostHoldsWhatFits() {
        // 500 + 1000 MIPS: one B (80 + 1500 x 0.02 = 110 W) beats two A (100 + 1500 x 0.05 = 175 W)
        assertEquals(kwh(110, DAY_S), EnergyBound.raypoolKwh(day(50, 100), hosts(), vms(2, 1024)), 1e-9);
    }

    @Test
    void memoryCanForceASecondHost() {
        // 6000 MB needs two hosts: A + B = 130 W idle + 1500 MIPS on B at 0.02 = 160 W (B + B: 190, A + A: 175)
        assertEquals(kwh(160, DAY_S), EnergyBound.raypoolKwh(day(50, 100), hosts(), vms(2, 3000)), 1e-9);
    }

    @Test
    void theBestSetCanMixHostTypes() {
        // 2500 MIPS: B + A = 130 + 2000 x 0.02 + 500 x 0.05 = 195 W; B + B = 160 + 2500 x 0.02 = 210 W
        assertEquals(kwh(195, DAY_S), EnergyBound.raypoolKwh(day(100, 100, 50), hosts(), vms(3, 512)), 1e-9);
    }

    @Test
    void idleVmsStillNeedTheirMemoryUnderRaypoolRulesButAreDeletedUnderCloudSims() {
        // no CPU, 2048 MB: the cheapest host that holds it, one A idle
        assertEquals(kwh(50, DAY_S), EnergyBound.raypoolKwh(day(0, 0), hosts(), vms(2, 1024)), 1e-9);
        assertEquals(0, EnergyBound.cloudSimKwh(day(0, 0), hosts(), vms(2, 1024)), 1e-12);
    }

    @Test
    void demandBeyondTheFleetIsCappedAtEveryHostFull() {
        // 8 x 1000 MIPS on 6000 MIPS of hosts: all four at full power, 2 x 100 + 2 x 120 W
        assertEquals(kwh(440, DAY_S), EnergyBound.raypoolKwh(day(100, 100, 100, 100, 100, 100, 100, 100), hosts(),
                vms(8, 256)), 1e-9);
    }

    @Test
    void aVmCountsAtMostOneThreadOfTheFastestHost() {
        List<VmSpec> big = List.of(VmSpec.plain(0, "vm0", 2500, 512));
        // 2500 MIPS asked, but no thread gives one vCPU more than 1000: one A full or one B half, 100 W either way
        assertEquals(kwh(100, DAY_S), EnergyBound.raypoolKwh(day(100), hosts(), big), 1e-9);
    }

    @Test
    void cloudSimRulesChargeFromTheSecondStepAndIgnoreMemory() {
        // 6000 MB would need two hosts under raypool rules; here one B holds 1500 MIPS at 110 W
        assertEquals(kwh(110, CLOUDSIM_S), EnergyBound.cloudSimKwh(day(50, 100), hosts(), vms(2, 3000)), 1e-6);
    }

    @Test
    void cloudSimRulesTakeTheLeastDemandOfEachInterval() {
        // One VM at 100 % for samples 0..143 and 50 % from 144: cloudsim's demand falls linearly over
        // [42900, 43200] s. 1000 MIPS costs 100 W (A full or B half); 500 MIPS 75 W on an A (B: 90 W).
        int[][] samples = new int[1][PlanetLabTrace.SAMPLES];
        Arrays.fill(samples[0], 0, 144, 100);
        Arrays.fill(samples[0], 144, PlanetLabTrace.SAMPLES, 50);
        PlanetLabTrace trace = new PlanetLabTrace("step", List.of("vm0"), samples);
        // Interval k runs from t_(k-1) to t_k = 0.1 + 300k s, at its least demand: intervals 2..142 at 100 %;
        // 143 ends at 42900.1 s, 0.1 s into the fall, at 1 - 0.5 x 0.1 / 300 (on an A); 144..287 at 50 %.
        double fallen = 1000 * (1 - 0.5 * 0.1 / 300);
        double expected = kwh(100, 141 * 300) + kwh(50 + 0.05 * fallen, 300) + kwh(75, 144 * 300);
        assertEquals(expected, EnergyBound.cloudSimKwh(trace, hosts(), vms(1, 512)), 1e-6);
    }
}
