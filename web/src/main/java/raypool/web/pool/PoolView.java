package raypool.web.pool;

import java.util.List;
import java.util.Optional;

/** The pool's guests and hosts, read at one moment. */
public record PoolView(String poolUuid, String poolName, List<HostView> hosts, List<VmView> vms) {
    public PoolView {
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
    }

    public Optional<VmView> vm(String uuid) {
        return vms.stream().filter(v -> v.uuid().equals(uuid)).findFirst();
    }
}
