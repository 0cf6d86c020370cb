package raypool.balancer.check;

import org.junit.jupiter.api.Test;
import raypool.balancer.TestPools;
import raypool.balancer.model.Constraints;
import raypool.balancer.model.HostState;
import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Severity;
import raypool.balancer.policy.Policies;
import raypool.balancer.plan.Planner;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlanCheckerTest {
    private static Action.Migrate move(int vm, int from, int to) {
        return new Action.Migrate(vm, from, to, "test", Severity.LOW);
    }

    private static PlanChecker.Invalid refused(Snapshot s, Action... actions) {
        return assertInstanceOf(PlanChecker.Invalid.class, PlanChecker.check(s, new Plan(List.of(actions))));
    }

    private static void accepted(Snapshot s, Action... actions) {
        assertInstanceOf(PlanChecker.Valid.class, PlanChecker.check(s, new Plan(List.of(actions))));
    }

    @Test
    void memoryMayNotBeOverCommittedAtAnyStep() {
        TestPools p = new TestPools();
        int a = p.host();
        int b = p.host();
        int v = p.vm(a, 1000, 2000, 0.1);
        int w = p.vm(a, 1000, 2000, 0.1);
        p.vm(b, 1000, 1000, 0.1);
        Snapshot s = p.build();
        accepted(s, move(v, a, b));
        // the second VM would fit only if the first had already left: migrations run concurrently
        assertTrue(refused(s, move(v, a, b), move(w, a, b)).violations().get(0).message().contains("MB"));
        assertEquals(1, refused(s, move(v, a, b), move(w, a, b)).violations().get(0).action());
    }

    @Test
    void memoryIsNotCheckedWhereTheRulesSayItIsNot() {
        TestPools p = new TestPools().constraints(Constraints.REFERENCE_RUNNING);
        int a = p.host();
        int b = p.host();
        int v = p.vm(a, 1000, 3000, 0.1);
        p.vm(b, 1000, 3000, 0.1);
        accepted(p.build(), move(v, a, b));
    }

    @Test
    void aVmMustBeWhereThePlanSaysItIs() {
        TestPools p = new TestPools();
        int a = p.host();
        int b = p.host();
        int c = p.host();
        int v = p.vm(a, 1000, 512, 0.1);
        Snapshot s = p.build();
        refused(s, move(v, b, c));
        refused(s, move(v, a, a));
        accepted(s, move(v, a, b));
    }

    @Test
    void repeatMovesOnlyWhereAllowed() {
        for (Constraints c : new Constraints[] {Constraints.RAYPOOL, Constraints.REFERENCE_RUNNING}) {
            TestPools p = new TestPools().constraints(c);
            int a = p.host();
            int b = p.host();
            int d = p.host();
            int v = p.vm(a, 1000, 512, 0.1);
            var result = PlanChecker.check(p.build(), new Plan(List.of(move(v, a, b), move(v, b, d))));
            assertEquals(c.repeatMovesAllowed(), result instanceof PlanChecker.Valid, c.toString());
        }
    }

    @Test
    void excludedVmsMaintenanceAndExcludedHostsAreRefused() {
        TestPools p = new TestPools();
        int a = p.host();
        int maintenance = p.host();
        int excluded = p.host();
        int ok = p.host();
        p.state(maintenance, HostState.MAINTENANCE).state(excluded, HostState.EXCLUDED);
        int v = p.vm(a, 1000, 512, 0.1);
        int pinned = p.excludedVm(a, 1000, 512, 0.1);
        Snapshot s = p.build();
        refused(s, move(v, a, maintenance));
        refused(s, move(v, a, excluded));
        refused(s, move(pinned, a, ok));
        accepted(s, move(v, a, ok));
    }

    @Test
    void antiAffinityHoldsAfterEveryStep() {
        TestPools p = new TestPools();
        int a = p.host();
        int b = p.host();
        int c = p.host();
        int x = p.antiAffinityVm(a, 1000, 512, 0.1, "g");
        p.antiAffinityVm(b, 1000, 512, 0.1, "g");
        Snapshot s = p.build();
        refused(s, move(x, a, b));
        accepted(s, move(x, a, c));
    }

    @Test
    void powerOffOnlyForEmptyHosts() {
        TestPools p = new TestPools();
        int a = p.host();
        int b = p.host();
        int v = p.vm(a, 1000, 512, 0.1);
        Snapshot s = p.build();
        refused(s, new Action.PowerOff(a, "t"));
        accepted(s, new Action.PowerOff(b, "t"));
        refused(s, new Action.PowerOff(b, "t"), move(v, a, b));
        refused(s, new Action.PowerOn(a, "already on"));
    }

    /**
     * Property: over random seeded pools, every plan the planners produce is accepted, and breaking one
     * of its migrations (wrong source, a host without memory, an excluded destination) makes the checker
     * refuse exactly that step.
     */
    @Test
    void plannersPlansPassAndBrokenPlansFail() {
        for (long seed = 1; seed <= 40; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            TestPools p = new TestPools();
            int hosts = 4 + random.nextInt(8);
            for (int h = 0; h < hosts; h++) {
                p.host();
            }
            int vms = hosts * 2 + random.nextInt(hosts);
            for (int v = 0; v < vms; v++) {
                int h = random.nextInt(hosts);
                p.vm(h, 500 + random.nextInt(2160), 256 + random.nextInt(1200), random.nextDouble());
            }
            int maintenance = random.nextInt(hosts);
            p.state(maintenance, HostState.MAINTENANCE);
            Snapshot s;
            try {
                s = p.build();
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (String name : List.of("wlb-density", "wlb-performance", "thr-mmt", "xo-performance")) {
                Planner planner = Policies.create(name);
                Plan plan = planner.optimize(s);
                boolean memoryOk = true;
                for (int h = 0; h < hosts; h++) {
                    memoryOk &= s.memoryUsedMb(h) <= s.host(h).ramMb();
                }
                if (!memoryOk) {
                    continue;   // the random pool itself over-commits; no plan can be valid
                }
                assertInstanceOf(PlanChecker.Valid.class, PlanChecker.check(s, plan), name + " seed " + seed);
                List<Action> broken = new ArrayList<>(plan.actions());
                for (int i = 0; i < broken.size(); i++) {
                    if (broken.get(i) instanceof Action.Migrate m) {
                        int wrongSource = (m.from() + 1) % hosts == m.to() ? (m.from() + 2) % hosts : (m.from() + 1) % hosts;
                        boolean intoMaintenance = random.nextBoolean() && m.from() != maintenance;
                        broken.set(i, intoMaintenance ? move(m.vm(), m.from(), maintenance)
                                : move(m.vm(), wrongSource, m.to()));
                        var result = assertInstanceOf(PlanChecker.Invalid.class,
                                PlanChecker.check(s, new Plan(broken)), name + " seed " + seed + " " + broken);
                        assertEquals(i, result.violations().get(0).action());
                        break;
                    }
                }
            }
        }
    }
}
