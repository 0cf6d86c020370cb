package raypool.cloud.firewall.compile;

import java.util.List;
import java.util.Optional;

/**
 * The port map file: which switch port stands for which VM interface ({@code vif} is the VIF's XAPI
 * reference), and the uplink's port. {@code ip} is absent when the guest reports no address.
 */
public record PortMap(List<Entry> ports, int uplink) {

    /** One interface's port. */
    public record Entry(String vm, String vif, String network, String mac, Optional<String> ip, int ofport) {
        public Entry {
            if (vm == null || vif == null || network == null || mac == null) {
                throw new IllegalArgumentException("a port needs vm, vif, network and mac");
            }
            if (ofport < 1 || ofport > 65279) {
                throw new IllegalArgumentException("ofport " + ofport + " is not an OpenFlow port number (1-65279)");
            }
            ip = ip == null ? Optional.empty() : ip;
        }
    }

    public PortMap {
        ports = List.copyOf(ports);
    }

    public static PortMap of(List<Port> ports) {
        return new PortMap(ports.stream().map(p -> new Entry(p.iface().vmName(), p.iface().vifUuid(), p.iface().networkName(),
                p.iface().mac(), p.iface().ip(), p.ofport())).toList(), Layout.UPLINK);
    }
}
