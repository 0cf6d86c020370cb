package raypool.cloud.ups;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import raypool.cloud.licence.Finding;
import raypool.cloud.licence.LicenceAudit;
import raypool.cloud.view.HostView;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VmView;

/**
 * The ordered shutdown of a pool when the UPS runs out (pure): HA off first; running guests by VM.order,
 * the highest first (they start last), each order's VMs given their shutdown_delay before the next;
 * the pool's infrastructure VMs (the licence server) last among the VMs; then every member host
 * (disable, shut down), the master last. What is down already is left out, so a second run plans
 * nothing.
 */
public final class UpsPlanner {
    private UpsPlanner() {
    }

    public static UpsPlan plan(PoolView view, Duration cleanTimeout) {
        List<UpsAction> actions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        LicenceAudit.of(view, Duration.ZERO).findings().stream()
                .filter(f -> f.code() == Finding.Code.LICENCE_SERVER_IN_POOL || f.code() == Finding.Code.LICENCE_EXPIRED)
                .forEach(f -> warnings.add(f.code() + " " + f.subject() + ": " + f.message()));
        if (view.pool().haEnabled()) {
            actions.add(new UpsAction.DisableHa(view.pool().ref(), view.pool().name()));
        }
        List<VmView> running = view.vms().stream().filter(v -> v.guest() && v.running()).toList();
        Map<Long, List<VmView>> byOrder = new TreeMap<>(Comparator.reverseOrder());
        running.stream().filter(v -> !v.infrastructure())
                .forEach(v -> byOrder.computeIfAbsent(v.order(), k -> new ArrayList<>()).add(v));
        for (Map.Entry<Long, List<VmView>> group : byOrder.entrySet()) {
            long delay = 0;
            for (VmView v : group.getValue()) {
                actions.add(new UpsAction.StopVm(v.ref(), v.name(), v.order(), false, cleanTimeout));
                delay = Math.max(delay, v.shutdownDelay());
            }
            if (delay > 0) {
                actions.add(new UpsAction.Pause(Duration.ofSeconds(delay), "shutdown_delay of the VMs of order " + group.getKey()));
            }
        }
        running.stream().filter(VmView::infrastructure)
                .forEach(v -> actions.add(new UpsAction.StopVm(v.ref(), v.name(), v.order(), true, cleanTimeout)));
        List<HostView> hosts = new ArrayList<>(view.hosts().stream().filter(h -> !h.ref().equals(view.pool().master())).toList());
        hosts.add(view.master());
        for (HostView h : hosts) {
            if (!h.live()) {
                continue;
            }
            if (h.enabled()) {
                actions.add(new UpsAction.DisableHost(h.ref(), h.name()));
            }
            actions.add(new UpsAction.ShutdownHost(h.ref(), h.name(), h.ref().equals(view.pool().master())));
        }
        return new UpsPlan(actions, warnings);
    }
}
