package raypool.balancer.sim;

import org.junit.jupiter.api.Test;
import raypool.balancer.TestPools;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.PowerModel;
import raypool.balancer.model.Snapshot;
import raypool.balancer.policy.Policies;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ThreadCountViewTest {
    @Test
    void aThreadCounterSeesTheSameWorkAsMoreOnASlowHostAndLessOnAFastOne() {
        TestPools pool = new TestPools();
        int slow = pool.host(1, 1000, 4096);
        int fast = pool.host(2, 2000, 4096);
        int onSlow = pool.vm(slow, 1000, 512, 0.5);    // 500 MIPS: half of a slow thread
        int onFast = pool.vm(fast, 1000, 512, 0.5);    // 500 MIPS: a quarter of a fast thread
        int unplaced = pool.vm(-1, 1000, 512, 0.5);
        Snapshot real = pool.build();
        List<HostSpec> believed = List.of(new HostSpec(0, "test", 1, 1500, 4096, 1000, PowerModel.G5),
                new HostSpec(1, "test", 2, 1500, 4096, 1000, PowerModel.G5));
        Snapshot seen = new ThreadCountView(Policies.create("none"), believed).view(real);

        assertSame(believed.get(1), seen.host(fast));
        assertEquals(750, seen.demand(onSlow), 1e-9, "half a thread at 1500 MIPS a thread");
        assertEquals(375, seen.demand(onFast), 1e-9, "a quarter of a thread at 1500");
        assertEquals(500, seen.demand(unplaced), 1e-9, "nominal demand of a VM not placed: nothing measured");
        assertEquals(0.75, seen.history(onSlow, 0), 1e-12);
        assertEquals(0.375, seen.history(onFast, 29), 1e-12);
        assertEquals(750, seen.allocated(onSlow), 1e-9);
        assertEquals(real.hostUtilization(slow), seen.hostUtilization(slow), 0, "a fraction reads the same");
        assertEquals(500 * 1.5, seen.hostFreeMips(slow), 1e-9);
        assertEquals(3500 * 0.75, seen.hostFreeMips(fast), 1e-9);
        assertEquals(real.memoryUsedMb(fast), seen.memoryUsedMb(fast));
    }
}
