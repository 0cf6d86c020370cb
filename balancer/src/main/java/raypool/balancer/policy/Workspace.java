package raypool.balancer.policy;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import raypool.balancer.model.Snapshot;

/**
 * A planner's scratch copy of the pool: VM lists and CPU allocations per host that a planner changes
 * tentatively while it searches. Allocation follows the reference's time-shared, over-subscribable CPU
 * scheduler: VMs are served in list order; while the sum of (per-core capped) demands fits, each VM gets
 * its demand; once it does not, every VM gets floor(demand x capacity / total demand).
 * Host lists are copied lazily, on first change, so a round that touches few hosts costs little.
 */
public final class Workspace {
    private final Snapshot snapshot;
    private final IntArrayList[] vms;
    private final DoubleArrayList[] alloc;
    private final double[] free;
    private final int[] ramUsed;

    public Workspace(Snapshot snapshot) {
        this.snapshot = snapshot;
        int hosts = snapshot.hostCount();
        this.vms = new IntArrayList[hosts];
        this.alloc = new DoubleArrayList[hosts];
        this.free = new double[hosts];
        this.ramUsed = new int[hosts];
        for (int h = 0; h < hosts; h++) {
            free[h] = snapshot.hostFreeMips(h);
            ramUsed[h] = -1;
        }
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    private void materialize(int h) {
        if (vms[h] != null) {
            return;
        }
        int n = snapshot.vmsOnHostCount(h);
        IntArrayList list = new IntArrayList(n + 4);
        DoubleArrayList a = new DoubleArrayList(n + 4);
        for (int i = 0; i < n; i++) {
            int v = snapshot.vmOnHost(h, i);
            list.add(v);
            a.add(snapshot.allocated(v));
        }
        vms[h] = list;
        alloc[h] = a;
    }

    public int count(int h) {
        return vms[h] == null ? snapshot.vmsOnHostCount(h) : vms[h].size();
    }

    public int vmAt(int h, int i) {
        return vms[h] == null ? snapshot.vmOnHost(h, i) : vms[h].getInt(i);
    }

    public double free(int h) {
        return free[h];
    }

    public int ramUsed(int h) {
        if (ramUsed[h] < 0) {
            int sum = snapshot.incomingRamMb(h);
            for (int i = 0, n = count(h); i < n; i++) {
                sum += snapshot.vm(vmAt(h, i)).ramMb();
            }
            ramUsed[h] = sum;
        }
        return ramUsed[h];
    }

    /** Sum of CPU allocations on the host (the reference's getUtilizationOfCpuMips). */
    public double allocatedSum(int h) {
        double sum = 0;
        if (vms[h] == null) {
            for (int i = 0, n = snapshot.vmsOnHostCount(h); i < n; i++) {
                sum += snapshot.allocated(snapshot.vmOnHost(h, i));
            }
        } else {
            for (int i = 0, n = alloc[h].size(); i < n; i++) {
                sum += alloc[h].getDouble(i);
            }
        }
        return sum;
    }

    public double demandSum(int h) {
        double sum = 0;
        for (int i = 0, n = count(h); i < n; i++) {
            sum += snapshot.demand(vmAt(h, i));
        }
        return sum;
    }

    private double cappedDemand(int h, int v) {
        return Math.min(snapshot.demand(v), snapshot.host(h).peMips());
    }

    /** Appends the VM to the host and allocates it as the scheduler would (the reference's vmCreate). */
    public void add(int h, int v) {
        materialize(h);
        vms[h].add(v);
        double c = cappedDemand(h, v);
        if (free[h] >= c) {
            alloc[h].add(c);
            free[h] -= c;
        } else {
            alloc[h].add(0);
            reallocate(h);
        }
        if (ramUsed[h] >= 0) {
            ramUsed[h] += snapshot.vm(v).ramMb();
        }
    }

    /** Removes the VM and re-serves the others from scratch (the reference's vmDestroy). */
    public void remove(int h, int v) {
        materialize(h);
        int i = vms[h].indexOf(v);
        if (i < 0) {
            throw new IllegalStateException("VM " + v + " is not on host " + h);
        }
        vms[h].removeInt(i);
        alloc[h].removeDouble(i);
        if (ramUsed[h] >= 0) {
            ramUsed[h] -= snapshot.vm(v).ramMb();
        }
        double capacity = snapshot.host(h).capacityMips();
        free[h] = capacity;
        for (int j = 0; j < vms[h].size(); j++) {
            double c = cappedDemand(h, vms[h].getInt(j));
            if (free[h] >= c) {
                alloc[h].set(j, c);
                free[h] -= c;
            } else {
                reallocateUpTo(h, j);
            }
        }
    }

    private void reallocate(int h) {
        reallocateUpTo(h, vms[h].size() - 1);
    }

    /** Over-subscription: every VM so far gets floor(c x capacity / total); nothing is left free. */
    private void reallocateUpTo(int h, int last) {
        double total = 0;
        for (int j = 0; j <= last; j++) {
            total += cappedDemand(h, vms[h].getInt(j));
        }
        double scale = snapshot.host(h).capacityMips() / total;
        for (int j = 0; j <= last; j++) {
            alloc[h].set(j, Math.floor(cappedDemand(h, vms[h].getInt(j)) * scale));
        }
        free[h] = 0;
    }
}
