package raypool.balancer.policy;

import org.junit.jupiter.api.Test;
import raypool.balancer.TestPools;
import raypool.balancer.model.Snapshot;
import raypool.balancer.model.VmSpec;
import raypool.balancer.plan.Action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MmtPlannerTest {
    private static boolean overloaded(OverloadDetector d, Snapshot s, int h) {
        return d.overloaded(new Workspace(s), h);
    }

    @Test
    void staticThresholdBothWays() {
        TestPools p = new TestPools();
        int over = p.host();
        int under = p.host();
        p.vm(over, 2660, 512, 0.9);
        p.vm(over, 2660, 512, 0.8);       // 85 % of the host
        p.vm(under, 2660, 512, 0.9);      // 45 %
        Snapshot s = p.build();
        OverloadDetector thr = new OverloadDetector.Thr(0.8);
        assertTrue(overloaded(thr, s, over));
        assertFalse(overloaded(thr, s, under));
    }

    @Test
    void iqrUsesFallbackWithShortHistoryAndTightensWithSpread() {
        OverloadDetector iqr = new OverloadDetector.Iqr(1.5);
        // short history: static 0.7 fallback, 75 % is over it
        TestPools shortHistory = new TestPools();
        int h = shortHistory.host();
        shortHistory.vm(h, VmSpec.plain(0, "a", 2660, 512), TestPools.flat(0.75, 5));
        shortHistory.vm(h, VmSpec.plain(0, "b", 2660, 512), TestPools.flat(0.75, 5));
        assertTrue(overloaded(iqr, shortHistory.build(), h));
        // long, flat history: IQR 0, threshold 1, 75 % is fine
        TestPools flat = new TestPools();
        int f = flat.host();
        flat.vm(f, VmSpec.plain(0, "a", 2660, 512), TestPools.flat(0.75, 30));
        flat.vm(f, VmSpec.plain(0, "b", 2660, 512), TestPools.flat(0.75, 30));
        assertFalse(overloaded(iqr, flat.build(), f));
        // a spread history lowers the threshold under 75 %
        double[] spread = new double[30];
        for (int i = 0; i < 30; i++) {
            spread[i] = i % 2 == 0 ? 0.75 : 0.35;
        }
        TestPools noisy = new TestPools();
        int n = noisy.host();
        noisy.vm(n, VmSpec.plain(0, "a", 2660, 512), spread);
        noisy.vm(n, VmSpec.plain(0, "b", 2660, 512), spread);
        assertTrue(overloaded(iqr, noisy.build(), n));
        assertTrue(overloaded(new OverloadDetector.Mad(2.5), noisy.build(), n));
    }

    @Test
    void regressionPredictsARisingTrend() {
        double[] rising = new double[30];
        double[] falling = new double[30];
        for (int i = 0; i < 30; i++) {
            rising[i] = Math.max(0.05, 0.9 - 0.05 * i);      // newest first: rising over time
            falling[i] = Math.min(0.95, 0.20 + 0.03 * i);   // falling over time
        }
        OverloadDetector lr = new OverloadDetector.Lr(1.2, 62.5, 300);
        TestPools up = new TestPools();
        int u = up.host();
        up.vm(u, VmSpec.plain(0, "a", 2660, 512), rising);
        up.vm(u, VmSpec.plain(0, "b", 2660, 512), rising);
        assertTrue(overloaded(lr, up.build(), u));
        TestPools down = new TestPools();
        int d = down.host();
        down.vm(d, VmSpec.plain(0, "a", 2660, 512), falling);
        down.vm(d, VmSpec.plain(0, "b", 2660, 512), falling);
        assertFalse(overloaded(lr, down.build(), d));
    }

    @Test
    void overloadedHostShedsItsSmallestMemoryVmFirst() {
        TestPools p = new TestPools();
        int over = p.host();
        p.host();
        p.vm(over, 2660, 2000, 0.9);
        int small = p.vm(over, 2660, 600, 0.9);
        Snapshot s = p.build();
        var plan = new MmtPlanner("thr-mmt", new OverloadDetector.Thr(0.8)).optimize(s);
        Action.Migrate first = (Action.Migrate) plan.actions().get(0);
        assertEquals(small, first.vm());
        assertEquals(over, first.from());
    }

    @Test
    void underloadedHostIsDrainedOnlyIfAllItsVmsFit() {
        TestPools p = new TestPools();
        int light = p.host();
        int busy = p.host();
        p.vm(light, 1000, 512, 0.2);
        p.vm(busy, 2660, 512, 0.5);
        Snapshot s = p.build();
        var plan = new MmtPlanner("thr-mmt", new OverloadDetector.Thr(0.8)).optimize(s);
        assertEquals(1, plan.migrations());
        assertEquals(busy, ((Action.Migrate) plan.actions().get(0)).to());

        TestPools full = new TestPools();
        int l2 = full.host();
        int b2 = full.host();
        full.vm(l2, 2660, 512, 0.5);
        full.vm(b2, 2660, 512, 0.95);
        full.vm(b2, 2660, 512, 0.6);
        var none = new MmtPlanner("thr-mmt", new OverloadDetector.Thr(0.8)).optimize(full.build());
        assertTrue(none.actions().stream().noneMatch(a -> a instanceof Action.Migrate m && m.from() == l2));
    }

    @Test
    void aHostWithAVmStillMigratingIsNotDrained() {
        TestPools p = new TestPools();
        int light = p.host();
        int busy = p.host();
        int leaving = p.vm(light, 1000, 512, 0.2);
        p.vm(light, 1000, 512, 0.2);
        p.vm(busy, 2660, 512, 0.5);
        p.migrating(leaving);
        var plan = new MmtPlanner("thr-mmt", new OverloadDetector.Thr(0.8)).optimize(p.build());
        assertTrue(plan.actions().stream().noneMatch(a -> a instanceof Action.Migrate m && m.from() == light),
                "its migrating VM cannot leave again, so the host cannot be emptied: " + plan);
    }
}
