package raypool.balancer.sim;

import org.junit.jupiter.api.Test;
import raypool.balancer.model.Fleet;
import raypool.balancer.model.HostSpec;
import raypool.balancer.trace.PlanetLabTrace;
import raypool.balancer.trace.SyntheticTraces;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole-day replays on seeded synthetic traces: these run everywhere, with or without PlanetLab. */
class SimulatorTest {
    private static final PlanetLabTrace TRACE = SyntheticTraces.generate(120, 42);
    private static final List<HostSpec> HOSTS = Fleet.referenceHosts(100);

    @Test
    void syntheticTracesAreSeeded() {
        PlanetLabTrace again = SyntheticTraces.generate(120, 42);
        PlanetLabTrace other = SyntheticTraces.generate(120, 43);
        assertTrue(java.util.Arrays.deepEquals(TRACE.percent(), again.percent()));
        assertTrue(!java.util.Arrays.deepEquals(TRACE.percent(), other.percent()));
    }

    @Test
    void replaysAreDeterministic() {
        ReplayResult a = Replay.run(TRACE, HOSTS, "thr-mmt", "cloudsim", StepListener.NONE);
        ReplayResult b = Replay.run(TRACE, HOSTS, "thr-mmt", "cloudsim", StepListener.NONE);
        assertEquals(a.energyKwh(), b.energyKwh());
        assertEquals(a.migrations(), b.migrations());
        assertEquals(a.slatah(), b.slatah());
    }

    @Test
    void noBalancingMeansNoMigrationsAndTheMostEnergy() {
        for (String rules : Replay.RULES) {
            ReplayResult none = Replay.run(TRACE, HOSTS, "none", rules, StepListener.NONE);
            ReplayResult thr = Replay.run(TRACE, HOSTS, "thr-mmt", rules, StepListener.NONE);
            assertEquals(0, none.migrations(), rules);
            assertTrue(thr.migrations() > 0, rules);
            assertTrue(none.energyKwh() > thr.energyKwh(), rules + ": consolidation must save energy");
        }
    }

    @Test
    void metricsAreConsistent() {
        for (String rules : Replay.RULES) {
            for (String policy : List.of("thr-mmt", "lr-mmt", "wlb-density", "wlb-performance", "xo-performance")) {
                ReplayResult r = Replay.run(TRACE, HOSTS, policy, rules, StepListener.NONE);
                assertTrue(r.energyKwh() > 0, policy);
                assertTrue(r.slatah() >= 0 && r.slatah() <= 1, policy);
                assertEquals(r.slatah() * r.pdm(), r.slav(), 1e-15, policy);
                assertEquals(r.energyKwh() * r.slav(), r.esv(), 1e-12, policy);
                // all hosts on at full power all day is the ceiling
                double ceiling = HOSTS.stream().mapToDouble(h -> h.power().maxWatts()).sum() * 24 / 1000;
                assertTrue(r.energyKwh() < ceiling, policy);
                assertTrue(r.energyLowerBoundKwh() > 0 && r.energyVsBound().getAsDouble() >= 1,
                        () -> policy + " " + rules + ": under its energy bound " + r.energyLowerBoundKwh());
                assertEquals(rules.equals("cloudsim") ? 287 : 288, r.timeline().size());
            }
        }
    }

    @Test
    void densityMigratesFarLessThanTheThresholdBaseline() {
        for (String rules : Replay.RULES) {
            ReplayResult thr = Replay.run(TRACE, HOSTS, "thr-mmt", rules, StepListener.NONE);
            ReplayResult wlb = Replay.run(TRACE, HOSTS, "wlb-density", rules, StepListener.NONE);
            assertTrue(wlb.migrations() * 3 < thr.migrations(), rules + ": " + wlb.migrations() + " vs " + thr.migrations());
        }
    }

    @Test
    void migrationTimeGrowsWithTheNicButLessThanLinearly() {
        double gbe = RaypoolRules.migrationMbPerSecond(1000);
        double tenGbe = RaypoolRules.migrationMbPerSecond(10_000);
        assertEquals(62.5, gbe, 1e-9);
        assertTrue(tenGbe / gbe > 5 && tenGbe / gbe < 6, "the original pool saw 10 GbE move VMs 5-6 times faster");
    }
}
