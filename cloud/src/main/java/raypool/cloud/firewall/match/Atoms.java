package raypool.cloud.firewall.match;

import java.util.ArrayList;
import java.util.List;
import raypool.cloud.firewall.policy.Direction;
import raypool.cloud.firewall.policy.Ipv4Cidr;
import raypool.cloud.firewall.policy.PortRange;
import raypool.cloud.firewall.policy.Rule;

/** Expands a rule into its atoms. */
public final class Atoms {

    private static final PortRange ALL = PortRange.ALL;
    private static final PortRange DHCP_SERVER = PortRange.of(67);
    private static final PortRange DHCP_CLIENT = PortRange.of(68);
    private static final PortRange DNS = PortRange.of(53);

    private Atoms() {
    }

    public static List<Atom> of(Rule rule) {
        List<Atom> atoms = new ArrayList<>();
        for (Direction d : rule.direction() == Direction.BOTH ? List.of(Direction.IN, Direction.OUT) : List.of(rule.direction())) {
            expand(rule, d, atoms);
        }
        return List.copyOf(atoms);
    }

    private static void expand(Rule rule, Direction d, List<Atom> atoms) {
        Ipv4Cidr remote = rule.remote();
        PortRange port = rule.port().orElse(ALL);
        switch (rule.protocol()) {
            case ANY -> {
                if (remote.isAny()) {
                    atoms.add(new Atom(d, Layer.ANY, 0, remote, ALL, ALL));
                } else {
                    atoms.add(new Atom(d, Layer.IP, 0, remote, ALL, ALL));
                    atoms.add(new Atom(d, Layer.ARP, 0, remote, ALL, ALL));
                }
            }
            case ARP -> atoms.add(new Atom(d, Layer.ARP, 0, remote, ALL, ALL));
            case IP -> atoms.add(new Atom(d, Layer.IP, 0, remote, ALL, ALL));
            case ICMP -> atoms.add(new Atom(d, Layer.IP, Atom.ICMP, remote, ALL, ALL));
            case TCP -> atoms.add(new Atom(d, Layer.IP, Atom.TCP, remote, port, ALL));
            case UDP -> atoms.add(new Atom(d, Layer.IP, Atom.UDP, remote, port, ALL));
            case DHCP -> atoms.add(d == Direction.OUT
                    ? new Atom(d, Layer.IP, Atom.UDP, remote, DHCP_SERVER, DHCP_CLIENT)
                    : new Atom(d, Layer.IP, Atom.UDP, remote, DHCP_CLIENT, DHCP_SERVER));
            case DNS -> {
                for (int proto : new int[] {Atom.UDP, Atom.TCP}) {
                    atoms.add(d == Direction.OUT
                            ? new Atom(d, Layer.IP, proto, remote, DNS, ALL)
                            : new Atom(d, Layer.IP, proto, remote, ALL, DNS));
                }
            }
            default -> throw new IllegalStateException(rule.protocol().toString());
        }
    }
}
