package raypool.balancer.sim;

import raypool.balancer.model.HostSpec;
import raypool.balancer.model.HostState;
import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;

import java.util.List;

/**
 * What a balancer that counts threads sees of a pool whose threads differ in speed, handed to the planner
 * in place of the truth. The simulated hosts keep their measured CPU (energy, SLA and the hosts over
 * capacity are real); only the planner's picture changes.
 *
 * <p>Such a balancer reads each VM's CPU as a share of a thread of the host it runs on and turns it into
 * MIPS at one rate for every thread. A VM whose demand is D MIPS on a host whose threads are worth
 * {@code real} MIPS uses the share D / real and is believed to need D x believed / real: more than it does
 * on a slow host, less on a fast one, and the same wherever it is moved, which is the mistake
 * ({@link raypool.balancer.capacity.RaybenchCapacity#shareAfterMove}). Host utilisation, a fraction, reads
 * the same either way; free MIPS, allocations, demands and CPU histories scale by believed / real of the
 * host the VM is on now (histories as if the VM had always run there, as a pool's per-VM CPU history
 * mixes hosts only across a migration). VMs not yet placed ask for their nominal MIPS, unscaled.
 */
public final class ThreadCountView implements Planner {
    private final Planner planner;
    private final List<HostSpec> believed;

    /** @param believed the hosts as the balancer describes them, same ids and order as the real ones */
    public ThreadCountView(Planner planner, List<HostSpec> believed) {
        this.planner = planner;
        this.believed = List.copyOf(believed);
    }

    @Override
    public String name() {
        return planner.name();
    }

    @Override
    public Plan place(Snapshot snapshot) {
        return planner.place(view(snapshot));
    }

    @Override
    public Plan optimize(Snapshot snapshot) {
        return planner.optimize(view(snapshot));
    }

    /** The snapshot as the thread-counting balancer sees it. */
    public Snapshot view(Snapshot s) {
        int h = s.hostCount();
        int v = s.vmCount();
        if (believed.size() != h) {
            throw new IllegalArgumentException("believed hosts " + believed.size() + " but the pool has " + h);
        }
        double[] ratio = new double[h];
        HostState[] states = new HostState[h];
        int[][] lists = new int[h][];
        double[] utilization = new double[h];
        double[] free = new double[h];
        int[] incoming = new int[h];
        for (int i = 0; i < h; i++) {
            ratio[i] = believed.get(i).peMips() / s.host(i).peMips();
            states[i] = s.hostState(i);
            lists[i] = new int[s.vmsOnHostCount(i)];
            for (int j = 0; j < lists[i].length; j++) {
                lists[i][j] = s.vmOnHost(i, j);
            }
            utilization[i] = s.hostUtilization(i);
            free[i] = s.hostFreeMips(i) * ratio[i];
            incoming[i] = s.incomingRamMb(i);
        }
        int[] vmHost = new int[v];
        boolean[] migrating = new boolean[v];
        double[] demand = new double[v];
        double[] allocated = new double[v];
        double[][] history = new double[v][];
        int[] lastMoved = new int[v];
        for (int i = 0; i < v; i++) {
            vmHost[i] = s.hostOf(i);
            double r = vmHost[i] >= 0 ? ratio[vmHost[i]] : 1;
            migrating[i] = s.isMigrating(i);
            demand[i] = s.demand(i) * r;
            allocated[i] = s.allocated(i) * r;
            history[i] = new double[s.historyLength(i)];
            for (int k = 0; k < history[i].length; k++) {
                history[i][k] = s.history(i, k) * r;
            }
            lastMoved[i] = s.lastMovedStep(i);
        }
        return Snapshot.builder(s.time(), s.step())
                .model(believed, s.vms(), s.constraints())
                .hosts(states, lists, utilization, free, incoming)
                .vms(vmHost, migrating, demand, allocated, history, lastMoved)
                .build();
    }
}
