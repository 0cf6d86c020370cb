package raypool.cloud.firewall.match;

import raypool.cloud.firewall.policy.Direction;
import raypool.cloud.firewall.policy.Ipv4Cidr;
import raypool.cloud.firewall.policy.PortRange;

/**
 * One box of packet space that a rule matches: a single direction, a layer, an IP protocol (0 for any), the
 * remote network and, for TCP and UDP, the destination and source port ranges. A rule is a union of atoms;
 * the decider, the checker and the flow compiler all read rules through the same atoms, so what explain says
 * and what the switch does come from one expansion.
 */
public record Atom(Direction direction, Layer layer, int ipProto, Ipv4Cidr remote, PortRange dst, PortRange src) {

    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;

    public Atom {
        if (direction == Direction.BOTH) {
            throw new IllegalArgumentException("an atom has one direction");
        }
        if ((ipProto != TCP && ipProto != UDP) && !(dst.isAll() && src.isAll())) {
            throw new IllegalArgumentException("ports need tcp or udp");
        }
        if (layer != Layer.IP && ipProto != 0) {
            throw new IllegalArgumentException("an IP protocol needs the IP layer");
        }
        if (layer == Layer.ANY && !remote.isAny()) {
            throw new IllegalArgumentException("a remote address needs ARP or IP");
        }
    }

    public boolean hasPorts() {
        return ipProto == TCP || ipProto == UDP;
    }

    public boolean matches(Packet p) {
        if (p.direction() != direction) {
            return false;
        }
        switch (layer) {
            case ANY -> {
                return true;
            }
            case ARP -> {
                return p.isArp() && remote.contains(p.remote());
            }
            default -> {
                if (p.isArp() || (ipProto != 0 && ipProto != p.ipProto()) || !remote.contains(p.remote())) {
                    return false;
                }
                return !hasPorts() || (dst.contains(p.dstPort()) && src.contains(p.srcPort()));
            }
        }
    }

    /** True when every packet that {@code other} matches, this atom matches too. */
    public boolean covers(Atom other) {
        if (direction != other.direction) {
            return false;
        }
        boolean layerCovers = switch (layer) {
            case ANY -> true;
            case ARP -> other.layer == Layer.ARP;
            case IP -> other.layer == Layer.IP && (ipProto == 0 || ipProto == other.ipProto);
        };
        return layerCovers && remote.contains(other.remote) && dst.contains(other.dst) && src.contains(other.src);
    }

    /** True when some packet matches both. */
    public boolean overlaps(Atom other) {
        if (direction != other.direction) {
            return false;
        }
        boolean layers = layer == Layer.ANY || other.layer == Layer.ANY
                || (layer == other.layer && (layer == Layer.ARP || ipProto == 0 || other.ipProto == 0 || ipProto == other.ipProto));
        return layers && remote.overlaps(other.remote) && dst.overlaps(other.dst) && src.overlaps(other.src);
    }
}
