package raypool.balancer.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import raypool.balancer.check.PlanChecker;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.PowerModel;
import raypool.balancer.model.Snapshot;
import raypool.balancer.model.VmSpec;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;
import raypool.balancer.policy.Policies;
import raypool.balancer.sim.RaypoolRules;
import raypool.balancer.trace.SyntheticTraces;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One planning round on a pool of the given size, the snapshot built once in setup. The plan is
 * returned (JMH consumes it) and checked once in setup, so the benchmark times valid work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PlanningRoundBenchmark {
    @Param({"800x1500", "10000x100000"})
    public String size;

    @Param({"wlb-density", "thr-mmt"})
    public String policy;

    private Planner planner;
    private Snapshot snapshot;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = size.split("x");
        int hostCount = Integer.parseInt(parts[0]);
        int vmCount = Integer.parseInt(parts[1]);
        List<HostSpec> hosts = new ArrayList<>(hostCount);
        for (int h = 0; h < hostCount; h++) {
            boolean g4 = h % 2 == 0;
            hosts.add(new HostSpec(h, g4 ? "G4" : "G5", 2, g4 ? 1860 : 2660, 4096, 1000, g4 ? PowerModel.G4 : PowerModel.G5));
        }
        int perHost = Math.max(1, (vmCount + hostCount - 1) / hostCount);
        List<VmSpec> vms = new ArrayList<>(vmCount);
        for (int v = 0; v < vmCount; v++) {
            vms.add(VmSpec.plain(v, "vm" + v, new double[] {1500, 1000, 500, 250}[v % 4] / Math.max(1, perHost / 2.0),
                    Math.max(64, 3400 / perHost)));
        }
        planner = Policies.create(policy);
        snapshot = new RaypoolRules(SyntheticTraces.generate(vmCount, 7), hosts, vms, planner,
                RaypoolRules.Physics.DEFAULT).placedSnapshotAt(100);
        if (!(PlanChecker.check(snapshot, planner.optimize(snapshot)) instanceof PlanChecker.Valid)) {
            throw new IllegalStateException(policy + " planned an invalid round; nothing worth timing");
        }
    }

    @Benchmark
    public Plan planningRound() {
        return planner.optimize(snapshot);
    }
}
