package raypool.balancer.daemon;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link PoolReader} saw of a pool at one instant, in the pool's own terms (keys are opaque
 * strings such as XAPI refs). The daemon turns it into the planner's {@link raypool.balancer.model.Snapshot}.
 *
 * @param timeMillis the pool's clock (epoch milliseconds); cooldowns and timeouts are measured on it
 * @param notes things the reader noticed and the audit log should say (a renewed session, lost events)
 */
public record PoolState(long timeMillis, List<Host> hosts, List<Vm> vms, List<String> notes) {
    public PoolState {
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
        notes = List.copyOf(notes);
    }

    /**
     * A host.
     *
     * @param threads         logical CPUs
     * @param guestMemoryBytes memory guests may use (total less the control domain)
     * @param freeMemoryBytes memory free now, reservations of incoming migrations deducted
     * @param live            up and heartbeating; an offline host is never a destination
     * @param enabled         false while disabled (the first step of maintenance mode)
     * @param cpu             CPU utilisation 0..1, NaN when unknown
     */
    public record Host(String key, String name, int threads, long guestMemoryBytes, long freeMemoryBytes,
                       boolean live, boolean enabled, double cpu) {
    }

    /**
     * A running guest (control domains, templates and halted VMs are left out by the reader).
     *
     * @param hostKey         the host it runs on
     * @param operation       an operation in progress on it (e.g. "pool_migrate"), if any
     * @param cpu             mean vCPU utilisation 0..1, NaN when unknown
     */
    public record Vm(String key, String name, int vcpus, long memoryBytes, String hostKey, Optional<String> operation,
                     double cpu) {
    }
}
