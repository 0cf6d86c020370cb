package raypool.balancer.policy;

import org.junit.jupiter.api.Test;
import raypool.balancer.TestPools;
import raypool.balancer.check.PlanChecker;
import raypool.balancer.model.HostState;
import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WlbPlannerTest {
    private static final WlbSettings DENSITY = WlbSettings.defaults(WlbSettings.Mode.DENSITY);
    private static final WlbSettings PERFORMANCE = WlbSettings.defaults(WlbSettings.Mode.PERFORMANCE);

    private static List<Action.Migrate> migrations(Plan plan) {
        return plan.actions().stream().filter(a -> a instanceof Action.Migrate).map(a -> (Action.Migrate) a).toList();
    }

    private static Plan checked(Snapshot s, Plan plan) {
        assertInstanceOf(PlanChecker.Valid.class, PlanChecker.check(s, plan), () -> "checker refused " + plan);
        return plan;
    }

    /** Host 0 at 0.95 of capacity (two VMs at 95 % of 2660), host 1 light: the planner relieves host 0. */
    private static TestPools hotAndCold() {
        TestPools p = new TestPools();
        int hot = p.host();
        int cold = p.host();
        p.vm(hot, 2660, 1024, 0.95);
        p.vm(hot, 2660, 1024, 0.95);
        p.vm(cold, 1000, 512, 0.2);
        return p;
    }

    @Test
    void criticalHostIsRelieved() {
        Snapshot s = hotAndCold().build();
        List<Action.Migrate> moves = migrations(checked(s, new WlbPlanner("t", PERFORMANCE).optimize(s)));
        assertEquals(1, moves.size());
        assertEquals(0, moves.get(0).from());
        assertEquals(1, moves.get(0).to());
        assertEquals(raypool.balancer.plan.Severity.CRITICAL, moves.get(0).severity());
    }

    @Test
    void whenThePreferredVmFitsNowhereASmallerOneThatFitsIsMoved() {
        // Host 0 at 92 %: the VM that alone removes the excess needs 3000 MB, more than the cold host has
        // free; the other VM (500 MB) fits, and moving it still relieves the host.
        TestPools p = new TestPools();
        int hot = p.host();
        int cold = p.host();
        int big = p.vm(hot, 2660, 3000, 2600.0 / 2660);
        int small = p.vm(hot, 2660, 500, 2300.0 / 2660);
        p.vm(cold, 1000, 2000, 0.2);
        Snapshot s = p.build();
        List<Action.Migrate> moves = migrations(checked(s, new WlbPlanner("t", PERFORMANCE).optimize(s)));
        assertEquals(1, moves.size(), "the host is relieved by the VM that fits: " + moves);
        assertEquals(small, moves.get(0).vm());
        assertTrue(moves.stream().noneMatch(m -> m.vm() == big));
        assertEquals(cold, moves.get(0).to());
    }

    @Test
    void hostUnderHighThresholdIsLeftAlone() {
        TestPools p = new TestPools();
        int a = p.host();
        int b = p.host();
        p.vm(a, 2660, 1024, 0.6);
        p.vm(a, 2660, 1024, 0.6);
        p.vm(b, 1000, 512, 0.2);
        Snapshot s = p.build();
        assertEquals(0, migrations(new WlbPlanner("t", PERFORMANCE).optimize(s)).size());
    }

    @Test
    void hysteresisWaitsForARepeatedHighReading() {
        // 85 % is over HIGH (76.5 %) but under CRITICAL (90 %): it must hold for repeatRounds samples;
        // in "once" the sample before dipped to 70 %
        double[] twice = TestPools.flat(0.85, 30);
        double[] once = twice.clone();
        once[1] = 0.7;
        for (boolean repeated : new boolean[] {false, true}) {
            TestPools p = new TestPools();
            int a = p.host();
            p.host();
            double[] history = repeated ? twice : once;
            p.vm(a, raypool.balancer.model.VmSpec.plain(0, "x", 2660, 1024), history);
            p.vm(a, raypool.balancer.model.VmSpec.plain(0, "y", 2660, 1024), history);
            Snapshot s = p.build();
            WlbSettings quick = PERFORMANCE;
            int moved = migrations(new WlbPlanner("t", quick).optimize(s)).size();
            assertEquals(repeated ? 1 : 0, moved, "repeated=" + repeated);
        }
    }

    @Test
    void cooldownHoldsARecentlyMovedVm() {
        for (int since : new int[] {3, 50}) {
            TestPools p = hotAndCold().step(100);
            p.movedAt(0, 100 - since);
            p.movedAt(1, 100 - since);
            Snapshot s = p.build();
            int moved = migrations(new WlbPlanner("t", PERFORMANCE).optimize(s)).size();
            assertEquals(since >= PERFORMANCE.cooldownSteps() ? 1 : 0, moved, "moved " + since + " steps ago");
        }
    }

    @Test
    void excludedVmsNeverMove() {
        TestPools p = new TestPools();
        int hot = p.host();
        p.host();
        p.excludedVm(hot, 2660, 1024, 0.95);
        p.excludedVm(hot, 2660, 1024, 0.95);
        assertEquals(0, migrations(new WlbPlanner("t", PERFORMANCE).optimize(p.build())).size());
    }

    @Test
    void perRoundLimitCapsMigrations() {
        TestPools p = new TestPools();
        for (int i = 0; i < 4; i++) {
            int hot = p.host();
            p.vm(hot, 2660, 1024, 0.95);
            p.vm(hot, 2660, 1024, 0.95);
        }
        for (int i = 0; i < 8; i++) {
            p.host();
        }
        Snapshot s = p.build();
        assertTrue(migrations(new WlbPlanner("t", PERFORMANCE).optimize(s)).size() >= 4);
        assertEquals(2, migrations(new WlbPlanner("t", PERFORMANCE.withLimits(2, 4)).optimize(s)).size());
    }

    @Test
    void perHostLimitCapsMigrationsTouchingOneHost() {
        // four hot hosts and a single cold one: the cold host may take only maxPerHost VMs at once
        TestPools p = new TestPools();
        for (int i = 0; i < 4; i++) {
            int hot = p.host();
            p.vm(hot, 2660, 512, 0.95);
            p.vm(hot, 2660, 512, 0.95);
        }
        int cold = p.host(8, 2660, 16384);
        Snapshot s = p.build();
        List<Action.Migrate> moves = migrations(new WlbPlanner("t", PERFORMANCE.withLimits(100, 1)).optimize(s));
        assertEquals(1, moves.stream().filter(m -> m.to() == cold).count());
    }

    @Test
    void antiAffinityZeroesAHostWithAGroupMember() {
        TestPools p = new TestPools();
        int a = p.host();
        int b = p.host();
        p.antiAffinityVm(a, 1000, 512, 0.1, "db");
        int newcomer = p.antiAffinityVm(-1, 1000, 512, 0.1, "db");
        Snapshot s = p.build();
        List<PlacementStars.HostScore> stars = new WlbPlanner("t", PERFORMANCE).stars(s, newcomer);
        assertEquals(0, stars.get(a).stars());
        assertTrue(stars.get(a).zeroReason().orElseThrow().contains("anti-affinity"));
        assertTrue(stars.get(b).stars() > 0);
    }

    @Test
    void zeroStarsCarryTheirReason() {
        TestPools p = new TestPools();
        int full = p.host();
        int maintenance = p.host();
        int excluded = p.host();
        int ok = p.host();
        p.state(maintenance, HostState.MAINTENANCE).state(excluded, HostState.EXCLUDED);
        p.vm(full, 1000, 3800, 0.1);
        int v = p.vm(-1, 1000, 1024, 0.1);
        List<PlacementStars.HostScore> stars = new WlbPlanner("t", DENSITY).stars(p.build(), v);
        assertTrue(stars.get(full).zeroReason().orElseThrow().startsWith("memory"));
        assertTrue(stars.get(maintenance).zeroReason().orElseThrow().contains("maintenance"));
        assertTrue(stars.get(excluded).zeroReason().orElseThrow().contains("excluded"));
        assertTrue(stars.get(ok).stars() > 0);
        assertTrue(stars.get(ok).zeroReason().isEmpty());
    }

    @Test
    void starsOrderFollowsTheMode() {
        TestPools p = new TestPools();
        int busy = p.host();
        int quiet = p.host();
        p.vm(busy, 2660, 1024, 0.5);
        p.vm(quiet, 2660, 1024, 0.1);
        int v = p.vm(-1, 1000, 512, 0.2);
        Snapshot s = p.build();
        List<PlacementStars.HostScore> density = new WlbPlanner("d", DENSITY).stars(s, v);
        List<PlacementStars.HostScore> performance = new WlbPlanner("p", PERFORMANCE).stars(s, v);
        assertTrue(density.get(busy).stars() > density.get(quiet).stars(), "density fills the fuller host");
        assertTrue(performance.get(quiet).stars() > performance.get(busy).stars(), "performance spreads");
        for (PlacementStars.HostScore score : density) {
            assertTrue(score.stars() >= 0 && score.stars() <= 5);
        }
    }

    @Test
    void densityEmptiesALightHostAndPerformanceDoesNot() {
        TestPools p = new TestPools();
        int light = p.host();
        int busy = p.host();
        p.vm(light, 1000, 512, 0.1);
        p.vm(busy, 2660, 1024, 0.4);
        Snapshot s = p.build();
        List<Action.Migrate> dense = migrations(checked(s, new WlbPlanner("d", DENSITY).optimize(s)));
        assertEquals(1, dense.size());
        assertEquals(light, dense.get(0).from());
        assertEquals(busy, dense.get(0).to());
        assertEquals(0, migrations(new WlbPlanner("p", PERFORMANCE).optimize(s)).size());
    }

    @Test
    void densityPowersOffEmptyHostsButNotBusyOnes() {
        TestPools p = new TestPools();
        int empty = p.host();
        int busy = p.host();
        p.vm(busy, 2660, 1024, 0.6);
        Snapshot s = p.build();
        Plan plan = checked(s, new WlbPlanner("d", DENSITY).optimize(s));
        assertTrue(plan.actions().contains(new Action.PowerOff(empty, "empty: density mode powers it off")));
        assertTrue(plan.actions().stream().noneMatch(a -> a instanceof Action.PowerOff off && off.host() == busy));
    }

    @Test
    void densityPowersOnAHostWhenLoadNeedsIt() {
        TestPools p = new TestPools();
        int hot = p.host();
        int off = p.host();
        p.state(off, HostState.OFF);
        p.vm(hot, 2660, 1024, 0.95);
        p.vm(hot, 2660, 1024, 0.95);
        Snapshot s = p.build();
        Plan plan = checked(s, new WlbPlanner("d", DENSITY).optimize(s));
        assertTrue(plan.actions().stream().anyMatch(a -> a instanceof Action.PowerOn on && on.host() == off));
        assertEquals(off, migrations(plan).get(0).to());
    }

    @Test
    void evacuationMovesEveryVmOrSaysWhyNot() {
        TestPools p = new TestPools();
        int leaving = p.host();
        p.host();
        p.vm(leaving, 1000, 1024, 0.2);
        p.vm(leaving, 1000, 1024, 0.2);
        WlbPlanner planner = new WlbPlanner("d", DENSITY);
        Snapshot s = p.build();
        var planned = assertInstanceOf(WlbPlanner.Evacuation.Planned.class, planner.evacuation(s, leaving));
        assertEquals(2, migrations(planned.plan()).size());

        TestPools tight = new TestPools();
        int h0 = tight.host();
        int h1 = tight.host();
        tight.vm(h0, 1000, 3000, 0.2);
        tight.vm(h1, 1000, 3000, 0.2);
        var stuck = assertInstanceOf(WlbPlanner.Evacuation.Stuck.class, planner.evacuation(tight.build(), h0));
        assertTrue(stuck.reasons().get(h1).zeroReason().orElseThrow().startsWith("memory"));
    }

    @Test
    void placementRespectsMemoryAndFillsInDensityMode() {
        TestPools p = new TestPools();
        p.host();
        p.host();
        for (int i = 0; i < 6; i++) {
            p.vm(-1, 1000, 1300, 0.1);
        }
        Snapshot s = p.build();
        Plan plan = checked(s, new WlbPlanner("d", DENSITY).place(s));
        assertEquals(6, plan.actions().size());
        long onFirst = plan.actions().stream().filter(a -> ((Action.Place) a).to() == 0).count();
        assertEquals(3, onFirst, "3 x 1300 MB fill a 4096 MB host; density packs before opening the next");
    }

    @Test
    void affinityPrefersTheHostOfAGroupMember() {
        for (boolean grouped : new boolean[] {false, true}) {
            TestPools p = new TestPools();
            int a = p.host();
            int b = p.host();
            java.util.Optional<String> group = grouped ? java.util.Optional.of("web") : java.util.Optional.empty();
            p.vm(a, new raypool.balancer.model.VmSpec(0, "x", 1000, 512, group, java.util.Optional.empty(), false),
                    TestPools.flat(0.2, 30));
            p.vm(b, 1000, 512, 0.2);
            int v = p.vm(-1, new raypool.balancer.model.VmSpec(0, "y", 1000, 512, group, java.util.Optional.empty(), false),
                    TestPools.flat(0.2, 30));
            List<PlacementStars.HostScore> stars = new WlbPlanner("p", PERFORMANCE).stars(p.build(), v);
            double difference = stars.get(a).stars() - stars.get(b).stars();
            assertEquals(grouped ? 0.5 : 0, difference, 1e-9, "grouped=" + grouped);
        }
    }

    @Test
    void consolidationIsRefusedWhenMigrationsCostMoreThanThePowerSaved() {
        TestPools p = new TestPools();
        int light = p.host();
        int busy = p.host();
        p.vm(light, 1000, 512, 0.1);
        p.vm(busy, 2660, 1024, 0.4);
        Snapshot s = p.build();
        WlbSettings d = DENSITY;
        WlbSettings expensive = new WlbSettings(d.mode(), d.cpuCritical(), d.freeMemoryCriticalMb(), d.cpuWeight(),
                d.memoryWeight(), d.recentSamples(), d.longSamples(), d.recentWeight(), d.repeatRounds(), d.cooldownSteps(),
                d.maxPerRound(), d.maxPerHost(), d.benefitCostRatio(), 1000, d.horizonHours(), d.newVmCpuShare(),
                d.packTarget(), d.consolidateBelow(), d.powerManagement());
        assertEquals(1, migrations(new WlbPlanner("cheap", d).optimize(s)).size());
        assertEquals(0, migrations(new WlbPlanner("expensive", expensive).optimize(s)).size());
    }

    @Test
    void maintenanceHostsAreEvacuatedByTheRegularRound() {
        TestPools p = new TestPools();
        int leaving = p.host();
        int other = p.host();
        p.state(leaving, HostState.MAINTENANCE);
        p.vm(leaving, 1000, 512, 0.2);
        p.vm(other, 1000, 512, 0.2);
        Snapshot s = p.build();
        List<Action.Migrate> moves = migrations(checked(s, new WlbPlanner("p", PERFORMANCE).optimize(s)));
        assertEquals(1, moves.size());
        assertEquals(leaving, moves.get(0).from());
    }
}
