package raypool.web.pool;

import java.util.List;
import java.util.Optional;

/** The pool's guests, hosts, networks and the guests' interfaces, read at one moment. */
public record PoolView(String poolUuid, String defaultSr, List<HostView> hosts, List<VmView> vms, List<NetworkView> networks,
                       List<VifView> vifs, List<DiskView> disks) {
    public PoolView {
        disks = List.copyOf(disks);
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
        networks = List.copyOf(networks);
        vifs = List.copyOf(vifs);
    }

    public List<DiskView> disksOf(String vmUuid) {
        return disks.stream().filter(d -> d.vmUuid().equals(vmUuid)).toList();
    }

    /** The disk space of a VM's disks, GiB. */
    public long diskGibOf(String vmUuid) {
        return disksOf(vmUuid).stream().mapToLong(DiskView::sizeGib).sum();
    }

    public List<VifView> vifsOf(String vmUuid) {
        return vifs.stream().filter(v -> v.vmUuid().equals(vmUuid)).toList();
    }

    /** A network by uuid or name. */
    public Optional<NetworkView> network(String key) {
        return networks.stream().filter(n -> n.uuid().equals(key)).findFirst()
                .or(() -> networks.stream().filter(n -> n.name().equals(key)).findFirst());
    }

    public Optional<VmView> vm(String uuid) {
        return vms.stream().filter(v -> v.uuid().equals(uuid)).findFirst();
    }
}
