package raypool.balancer;

import raypool.balancer.model.Constraints;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.HostState;
import raypool.balancer.model.PowerModel;
import raypool.balancer.model.Snapshot;
import raypool.balancer.model.VmSpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Builds small snapshots for tests: hosts, VMs with a placement, a demand and a flat history. */
public final class TestPools {
    private final List<HostSpec> hosts = new ArrayList<>();
    private final List<VmSpec> vms = new ArrayList<>();
    private final List<Integer> placement = new ArrayList<>();
    private final List<double[]> histories = new ArrayList<>();
    private final List<Integer> lastMoved = new ArrayList<>();
    private final List<HostState> states = new ArrayList<>();
    private final List<Integer> migrating = new ArrayList<>();
    private Constraints constraints = Constraints.RAYPOOL;
    private int step = 100;

    /** A G5-like host: 2 cores of 2660 MIPS, 4096 MB. */
    public int host() {
        return host(2, 2660, 4096);
    }

    public int host(int cores, double peMips, int ramMb) {
        hosts.add(new HostSpec(hosts.size(), "test", cores, peMips, ramMb, 1000, PowerModel.G5));
        states.add(HostState.ON);
        return hosts.size() - 1;
    }

    public TestPools state(int host, HostState state) {
        states.set(host, state);
        return this;
    }

    /** A VM on a host (-1: not placed) using {@code share} of its MIPS now and in every past sample. */
    public int vm(int host, double mips, int ramMb, double share) {
        return vm(host, VmSpec.plain(vms.size(), "vm" + vms.size(), mips, ramMb), flat(share, 30));
    }

    public int vm(int host, VmSpec spec, double[] historyNewestFirst) {
        VmSpec renumbered = new VmSpec(vms.size(), spec.name(), spec.mips(), spec.ramMb(), spec.affinityGroup(),
                spec.antiAffinityGroup(), spec.excluded());
        vms.add(renumbered);
        placement.add(host);
        histories.add(historyNewestFirst);
        lastMoved.add(Integer.MIN_VALUE / 2);
        return vms.size() - 1;
    }

    public int antiAffinityVm(int host, double mips, int ramMb, double share, String group) {
        return vm(host, new VmSpec(0, "vm" + vms.size(), mips, ramMb, Optional.empty(), Optional.of(group), false),
                flat(share, 30));
    }

    public int excludedVm(int host, double mips, int ramMb, double share) {
        return vm(host, new VmSpec(0, "vm" + vms.size(), mips, ramMb, Optional.empty(), Optional.empty(), true),
                flat(share, 30));
    }

    /** The VM is still migrating (off its host: under raypool rules a copy can outlast a step). */
    public TestPools migrating(int vm) {
        migrating.add(vm);
        return this;
    }

    public TestPools movedAt(int vm, int atStep) {
        lastMoved.set(vm, atStep);
        return this;
    }

    public TestPools constraints(Constraints c) {
        this.constraints = c;
        return this;
    }

    public TestPools step(int s) {
        this.step = s;
        return this;
    }

    public static double[] flat(double share, int length) {
        double[] h = new double[length];
        Arrays.fill(h, share);
        return h;
    }

    public Snapshot build() {
        int h = hosts.size();
        int v = vms.size();
        int[] vmHost = new int[v];
        double[] demand = new double[v];
        double[] allocated = new double[v];
        double[][] history = new double[v][];
        int[] moved = new int[v];
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            lists.add(new ArrayList<>());
        }
        for (int i = 0; i < v; i++) {
            vmHost[i] = placement.get(i);
            history[i] = histories.get(i);
            demand[i] = history[i].length > 0 ? history[i][0] * vms.get(i).mips() : vms.get(i).mips();
            moved[i] = lastMoved.get(i);
            if (vmHost[i] >= 0) {
                lists.get(vmHost[i]).add(i);
            }
        }
        int[][] hostVms = new int[h][];
        double[] util = new double[h];
        double[] free = new double[h];
        for (int i = 0; i < h; i++) {
            hostVms[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
            double used = 0;
            for (int w : hostVms[i]) {
                allocated[w] = Math.min(demand[w], hosts.get(i).peMips());
                used += allocated[w];
            }
            double cap = hosts.get(i).capacityMips();
            util[i] = Math.min(1, used / cap);
            free[i] = Math.max(0, cap - used);
        }
        boolean[] inFlight = new boolean[v];
        migrating.forEach(vm -> inFlight[vm] = true);
        return Snapshot.builder(step * 300.0, step)
                .model(List.copyOf(hosts), List.copyOf(vms), constraints)
                .hosts(states.toArray(HostState[]::new), hostVms, util, free, new int[h])
                .vms(vmHost, inFlight, demand, allocated, history, moved)
                .build();
    }
}
