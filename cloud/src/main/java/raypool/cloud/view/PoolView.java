package raypool.cloud.view;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import raypool.xapi.client.Ref;

/**
 * A read-only view of a pool, read in one pass: what every decider takes. Deciders are pure functions
 * of a view; nothing here talks to the pool.
 *
 * @param serverTime the master's clock (host.get_servertime), which licences expire by
 */
public record PoolView(PoolInfo pool, List<HostView> hosts, List<VmView> vms, Networks networks, Instant serverTime) {

    public PoolView {
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
    }

    public Optional<HostView> host(Ref ref) {
        return hosts.stream().filter(h -> h.ref().equals(ref)).findFirst();
    }

    public Optional<VmView> vm(Ref ref) {
        return vms.stream().filter(v -> v.ref().equals(ref)).findFirst();
    }

    public HostView master() {
        return host(pool.master()).orElseThrow(() -> new IllegalStateException("the pool's master "
                + pool.master() + " is not among its hosts"));
    }

    /** The host named {@code key} by name label or UUID. */
    public Optional<HostView> hostNamed(String key) {
        return hosts.stream().filter(h -> h.name().equals(key) || h.uuid().equals(key)).findFirst();
    }

    /** The VMs named {@code key} by name label or UUID (name labels need not be unique). */
    public List<VmView> vmsNamed(String key) {
        return vms.stream().filter(v -> v.name().equals(key) || v.uuid().equals(key)).toList();
    }

    public String hostName(Ref ref) {
        return host(ref).map(HostView::name).orElse(ref.value());
    }
}
