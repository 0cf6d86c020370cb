package raypool.daemon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import raypool.balancer.model.HostState;
import raypool.balancer.model.Snapshot;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;
import raypool.balancer.policy.WlbPlanner;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.Stamp;
import raypool.daemon.capacity.MeasuredCapacity;

/**
 * What the audit log says about a round beyond its decisions: what changed in the pool since the last
 * round (a host disabled, and by whom; the placement rules; metrics that went missing), and why a host
 * in trouble has no move planned (an evacuation that fits nowhere, an overload the plan leaves alone).
 */
final class RoundNarrator {
    private Set<String> disabledSeen = Set.of();
    private String rulesSaid = "";
    private String unknownSaid = "";
    private String capacitySaid = "";

    /** Says what changed since the last round: hosts disabled (and by whom), placement rules, unknown metrics. */
    void announce(SnapshotBuilder.Built built, Stamp at, Consumer<AuditEvent> record) {
        Set<String> disabled = new TreeSet<>();
        for (SnapshotBuilder.HostView h : built.hosts()) {
            if (h.host().live() && !h.host().enabled()) {
                disabled.add(h.host().key());
                if (!disabledSeen.contains(h.host().key())) {
                    boolean ours = h.daemonPhase().isPresent();
                    record.accept(new AuditEvent.Maintenance(at.time(), at.poolTime(), at.round(), h.host().name(),
                            h.host().key(), ours ? "daemon" : "administrator", ours
                            ? "disabled by this daemon to power it " + (h.daemonPhase().get()
                            == DaemonMemory.Phase.BOOTING ? "on (enabled once live)" : "off")
                            : "disabled by an administrator (maintenance): never a destination, its VMs are moved "
                            + "off as the policy's maintenance rule says; this daemon never enables it"));
                }
            }
        }
        disabledSeen = Set.copyOf(disabled);
        Map<String, PlacementRules.VmRule> byVm = new LinkedHashMap<>();
        for (SnapshotBuilder.VmView v : built.vms()) {
            byVm.put(v.vm().key(), v.rule());
        }
        Map<String, List<String>> described = PlacementRules.describe(built.vms().stream().map(
                SnapshotBuilder.VmView::vm).toList(), byVm);
        List<String> excludedHosts = built.hosts().stream().filter(h -> h.excluded().isPresent())
                .map(h -> h.host().name() + " (" + h.excluded().get() + ")").toList();
        String said = described.toString() + excludedHosts;
        if (!said.equals(rulesSaid)) {
            rulesSaid = said;
            List<String> notes = built.vms().stream().flatMap(v -> v.rule().note().stream()).toList();
            record.accept(new AuditEvent.Rules(at.time(), at.poolTime(), at.round(), described.get("excluded"), excludedHosts,
                    described.get("affinity"), described.get("antiAffinity"), notes.isEmpty()
                    ? "placement rules read from the pool's tags and other_config, and the configuration"
                    : String.join("; ", notes)));
        }
        announceCapacity(built, at, record);
        List<String> hosts = built.unknownHosts().stream().map(h -> h.host().name()).toList();
        List<String> vms = built.unknownVms().stream().map(v -> v.vm().name()).toList();
        String unknown = hosts + " " + vms;
        if (!unknown.equals(unknownSaid)) {
            unknownSaid = unknown;
            if (!hosts.isEmpty() || !vms.isEmpty()) {
                List<String> reasons = new ArrayList<>();
                built.unknownHosts().forEach(h -> reasons.add(h.unknown().orElseThrow()));
                record.accept(new AuditEvent.MetricsUnknown(at.time(), at.poolTime(), at.round(), hosts, vms, reasons,
                        "no decision uses these: the hosts are neither sources nor destinations and the VMs stay put "
                                + "until their metrics can be read again"));
            }
        }
    }

    /** Each host's CPU capacity and where it came from, when it changes (the first round, a new host). */
    private void announceCapacity(SnapshotBuilder.Built built, Stamp at, Consumer<AuditEvent> record) {
        List<String> measured = new ArrayList<>();
        List<String> fallback = new ArrayList<>();
        for (SnapshotBuilder.HostView h : built.hosts()) {
            MeasuredCapacity.HostCapacity c = built.capacities().of(h.host().key());
            if (c.source().isPresent()) {
                measured.add(h.host().name() + ": " + Math.round(c.threadMips()) + " MIPS per thread from "
                    + c.source().get() + " (by " + c.matchedBy().orElse("?") + ")");
            } else {
                fallback.add(h.host().name());
            }
        }
        String said = measured + " " + fallback;
        if (!said.equals(capacitySaid)) {
            capacitySaid = said;
            record.accept(new AuditEvent.Capacity(at.time(), at.poolTime(), at.round(), measured, fallback,
                fallback.isEmpty() ? "every host's capacity is measured"
                    : "hosts without a raybench result count " + Math.round(MeasuredCapacity.FALLBACK_THREAD_MIPS)
                        + " MIPS per thread (the average measured thread, or every thread when none is measured)"));
        }
    }

    /** A host in maintenance that still holds VMs and no move off it was planned: say which VM is stuck and why. */
    void explainStuckEvacuations(SnapshotBuilder.Built built, Plan plan, Planner policy, Stamp at,
                                 Consumer<AuditEvent> record) {
        if (!(policy instanceof WlbPlanner wlb)) {
            return;
        }
        Snapshot s = built.snapshot();
        for (int h = 0; h < s.hostCount(); h++) {
            if (s.hostState(h) != HostState.MAINTENANCE || s.vmsOnHostCount(h) == 0) {
                continue;
            }
            final int host = h;
            if (plan.actions().stream().anyMatch(a -> a instanceof Action.Migrate m && m.from() == host)) {
                continue;
            }
            if (wlb.evacuation(s, h) instanceof WlbPlanner.Evacuation.Stuck stuck) {
                List<String> reasons = new ArrayList<>();
                for (var score : stuck.reasons()) {
                    reasons.add(built.hosts().get(score.host()).host().name() + ": " + score);
                }
                record.accept(new AuditEvent.EvacuationStuck(at.time(), at.poolTime(), at.round(),
                        built.hosts().get(h).host().name(), built.vms().get(stuck.vm()).vm().name(), reasons,
                        "the host is disabled (maintenance) but this VM fits on no other host"));
            }
        }
    }

    /**
     * A running host over the HIGH threshold that the plan does not relieve: said once per round, so that
     * the log explains why nothing moved.
     */
    void explainUnrelievedHosts(SnapshotBuilder.Built built, Plan plan, double high, Stamp at,
                                Consumer<AuditEvent> record) {
        Snapshot s = built.snapshot();
        for (int h = 0; h < s.hostCount(); h++) {
            final int host = h;
            if (s.hostState(h) != HostState.ON || s.hostUtilization(h) <= high
                    || plan.actions().stream().anyMatch(a -> a instanceof Action.Migrate m && m.from() == host)) {
                continue;
            }
            record.accept(new AuditEvent.OverloadUnrelieved(at.time(), at.poolTime(), at.round(),
                    built.hosts().get(h).host().name(), Math.round(1000 * s.hostUtilization(h)) / 1000.0, high,
                    "no move planned: the load has not held over HIGH for the planner's hysteresis, or none of its "
                            + "movable VMs fits another host below the thresholds"));
        }
    }
}
