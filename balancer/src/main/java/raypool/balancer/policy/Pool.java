package raypool.balancer.policy;

import raypool.balancer.model.HostSpec;
import raypool.balancer.model.HostState;
import raypool.balancer.model.Snapshot;
import raypool.balancer.model.VmSpec;

import java.util.HashMap;
import java.util.Map;

/**
 * The WLB planner's tentative view of the pool while it builds a plan: per host the smoothed and peak
 * CPU of the VMs that will be there, memory held (a VM moving holds memory on both ends until the plan
 * is done, as the checker assumes), migrations touching it, and anti-affinity groups present.
 */
final class Pool {
    final Snapshot s;
    final LoadEstimates est;
    final double[] smoothedLoad;
    final double[] peakLoad;
    final int[] memory;
    final int[] touches;
    final int[] position;
    final HostState[] state;
    final boolean[] moved;
    /** Running but empty: about to be powered off, so as costly to fill as a host that is off. */
    final boolean[] idle;
    private final boolean[] wasIdle;
    private final Map<String, int[]> antiAffinity = new HashMap<>();
    private final Map<String, int[]> affinity = new HashMap<>();

    Pool(Snapshot s, LoadEstimates est) {
        this.s = s;
        this.est = est;
        int h = s.hostCount();
        smoothedLoad = new double[h];
        peakLoad = new double[h];
        memory = new int[h];
        touches = new int[h];
        state = new HostState[h];
        position = new int[s.vmCount()];
        moved = new boolean[s.vmCount()];
        idle = new boolean[h];
        for (int host = 0; host < h; host++) {
            state[host] = s.hostState(host);
            memory[host] = s.memoryUsedMb(host);
            idle[host] = state[host] == HostState.ON && s.vmsOnHostCount(host) == 0 && memory[host] == 0;
            for (int i = 0; i < s.vmsOnHostCount(host); i++) {
                int v = s.vmOnHost(host, i);
                smoothedLoad[host] += capped(v, host, est.smoothed(v));
                peakLoad[host] += capped(v, host, est.peak(v));
                count(v, host, 1);
            }
        }
        wasIdle = idle.clone();
        for (int v = 0; v < s.vmCount(); v++) {
            position[v] = s.hostOf(v);
            if (s.isMigrating(v)) {
                // a migration under way uses the link of its source until it is done
                touches[position[v]]++;
            }
        }
    }

    double capped(int v, int host, double mips) {
        return Math.min(mips, s.host(host).peMips());
    }

    private void count(int v, int host, int delta) {
        VmSpec vm = s.vm(v);
        vm.antiAffinityGroup().ifPresent(g -> antiAffinity.computeIfAbsent(g, k -> new int[s.hostCount()])[host] += delta);
        vm.affinityGroup().ifPresent(g -> affinity.computeIfAbsent(g, k -> new int[s.hostCount()])[host] += delta);
    }

    boolean antiAffinityConflict(int v, int host) {
        return s.vm(v).antiAffinityGroup().map(g -> antiAffinity.getOrDefault(g, EMPTY)).map(a -> a.length > host && a[host] > 0)
                .orElse(false);
    }

    boolean affinityPartnerOn(int v, int host) {
        return s.vm(v).affinityGroup().map(g -> affinity.getOrDefault(g, EMPTY)).map(a -> a.length > host && a[host] > 0)
                .orElse(false);
    }

    private static final int[] EMPTY = new int[0];

    double cpuRatio(int host) {
        return smoothedLoad[host] / s.host(host).capacityMips();
    }

    /** A new VM arrives (placement): memory and load move in for good. */
    void place(int v, int host) {
        idle[host] = false;
        smoothedLoad[host] += capped(v, host, est.smoothed(v));
        peakLoad[host] += capped(v, host, est.peak(v));
        memory[host] += s.vm(v).ramMb();
        count(v, host, 1);
        position[v] = host;
    }

    /** A migration: the load moves; memory is held on both ends until the plan is done. */
    void migrate(int v, int to) {
        int from = position[v];
        idle[to] = false;
        smoothedLoad[from] -= capped(v, from, est.smoothed(v));
        peakLoad[from] -= capped(v, from, est.peak(v));
        smoothedLoad[to] += capped(v, to, est.smoothed(v));
        peakLoad[to] += capped(v, to, est.peak(v));
        memory[to] += s.vm(v).ramMb();
        count(v, to, 1);
        touches[from]++;
        touches[to]++;
        position[v] = to;
        moved[v] = true;
    }

    /** Undo of {@link #migrate} for a tentative move that was not kept. */
    void undo(int v, int from) {
        int to = position[v];
        idle[to] = wasIdle[to] && memory[to] - s.vm(v).ramMb() == 0;
        smoothedLoad[to] -= capped(v, to, est.smoothed(v));
        peakLoad[to] -= capped(v, to, est.peak(v));
        smoothedLoad[from] += capped(v, from, est.smoothed(v));
        peakLoad[from] += capped(v, from, est.peak(v));
        memory[to] -= s.vm(v).ramMb();
        count(v, to, -1);
        touches[from]--;
        touches[to]--;
        position[v] = from;
        moved[v] = false;
    }

    HostSpec host(int h) {
        return s.host(h);
    }
}
