package raypool.balancer.policy;

import raypool.balancer.model.HostSpec;
import raypool.balancer.model.HostState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * WLB's placement answer: a score of 0-5 stars for every host for one VM, with the reason for every
 * zero. Zero means the VM may not go there (memory, excluded, maintenance, anti-affinity, a core too
 * slow for the VM, CPU over the threshold, the host's migration link busy). Above zero, Maximize
 * Performance gives more stars to hosts left less loaded; Maximize Density to hosts left fuller, and
 * one star at most to a host that must be powered on, the most efficient per VM first.
 */
public final class PlacementStars {
    private PlacementStars() {
    }

    /** One host's score for one VM. */
    public record HostScore(int host, double stars, Optional<String> zeroReason) {
        public static HostScore zero(int host, String reason) {
            return new HostScore(host, 0, Optional.of(reason));
        }
    }

    static HostScore score(Pool pool, WlbSettings st, int v, int h, boolean migration, boolean explain) {
        HostSpec host = pool.host(h);
        HostState state = pool.state[h];
        switch (state) {
            case MAINTENANCE -> {
                return zero(explain, h, () -> "host in maintenance");
            }
            case EXCLUDED -> {
                return zero(explain, h, () -> "host excluded from balancing");
            }
            default -> {
            }
        }
        if (pool.position[v] == h) {
            return zero(explain, h, () -> "the VM is already there");
        }
        int ram = pool.s.vm(v).ramMb();
        if (pool.s.constraints().memoryEnforced() && pool.memory[h] + ram > host.ramMb()) {
            return zero(explain, h, () -> "memory: " + (host.ramMb() - pool.memory[h]) + " MB free, the VM needs " + ram);
        }
        if (pool.antiAffinityConflict(v, h)) {
            return zero(explain, h, () -> "anti-affinity: a VM of group " + pool.s.vm(v).antiAffinityGroup().orElseThrow()
                    + " runs there");
        }
        if (migration && pool.touches[h] >= st.maxPerHost()) {
            return zero(explain, h, () -> "migration limit: " + pool.touches[h] + " migrations already use the host's link");
        }
        double peak = pool.est.peak(v);
        double vcpu = pool.s.vm(v).mips();
        if (vcpu > host.peMips()) {
            // the VM could ask for more than one of these cores can give: a shortfall no balancing fixes
            return zero(explain, h, () -> "CPU: the VM's vCPU of " + Math.round(vcpu) + " MIPS is faster than a core of "
                    + Math.round(host.peMips()));
        }
        double capacity = host.capacityMips();
        double cpuAfter = (pool.smoothedLoad[h] + Math.min(pool.est.smoothed(v), host.peMips())) / capacity;
        double peakAfter = (pool.peakLoad[h] + peak) / capacity;
        double memAfter = (pool.memory[h] + ram) / (double) host.ramMb();
        double weightSum = st.cpuWeight() + st.memoryWeight();
        boolean off = state == HostState.OFF || state == HostState.BOOTING || pool.idle[h];
        double stars;
        if (st.mode() == WlbSettings.Mode.DENSITY) {
            double limit = st.cpuHigh() * st.packTarget();
            if (peakAfter > limit) {
                return zero(explain, h, () -> "CPU: " + pct(peakAfter) + " at the VM's peak, over the density limit " + pct(limit));
            }
            if (off) {
                // the cheaper per VM slot, the better: idle watts over how many such VMs the host could hold
                double slots = Math.min(limit * capacity / Math.max(peak, 1), host.ramMb() / (double) ram);
                stars = Math.max(0.05, 1 - host.power().idleWatts() / slots / 100);
            } else {
                double fill = (st.cpuWeight() * Math.min(1, peakAfter / limit) + st.memoryWeight() * Math.min(1, memAfter)) / weightSum;
                stars = 1 + 4 * fill;
            }
        } else {
            if (cpuAfter > st.cpuHigh()) {
                return zero(explain, h, () -> "CPU: " + pct(cpuAfter) + " after placement, over the high threshold " + pct(st.cpuHigh()));
            }
            double load = (st.cpuWeight() * cpuAfter / st.cpuCritical() + st.memoryWeight() * memAfter) / weightSum;
            stars = off ? 0.5 : Math.max(0.5, 5 * (1 - load));
        }
        if (pool.affinityPartnerOn(v, h)) {
            stars = Math.min(5, stars + 0.5);
        }
        return new HostScore(h, Math.min(5, stars), Optional.empty());
    }

    private static final String NOT_EXPLAINED = "not explained (scored without reasons)";

    /** Zero stars; the reason text is built only when someone will read it (a round scores many hosts). */
    private static HostScore zero(boolean explain, int h, java.util.function.Supplier<String> reason) {
        return HostScore.zero(h, explain ? reason.get() : NOT_EXPLAINED);
    }

    private static String pct(double x) {
        return Math.round(100 * x) + " %";
    }

    static List<HostScore> all(Pool pool, WlbSettings st, int v, boolean migration) {
        List<HostScore> scores = new ArrayList<>(pool.s.hostCount());
        for (int h = 0; h < pool.s.hostCount(); h++) {
            scores.add(score(pool, st, v, h, migration, true));
        }
        return scores;
    }

    /** The best host (most stars, lowest id on ties), or empty when every host scores zero. */
    static Optional<HostScore> best(Pool pool, WlbSettings st, int v, boolean migration, boolean[] excluded) {
        HostScore best = null;
        for (int h = 0; h < pool.s.hostCount(); h++) {
            if (excluded != null && excluded[h]) {
                continue;
            }
            HostScore score = score(pool, st, v, h, migration, false);
            if (score.stars() > 0 && (best == null || score.stars() > best.stars())) {
                best = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
