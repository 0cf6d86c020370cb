package raypool.cloud.firewall.match;

import raypool.cloud.firewall.policy.Direction;

/**
 * One packet as seen at a VM's interface: ARP or IPv4 with its IP protocol, the direction (in: to the VM),
 * the remote end's address, the destination and source ports (TCP and UDP), and whether it belongs to a
 * connection the firewall already let through (a reply).
 */
public record Packet(boolean isArp, int ipProto, Direction direction, int remote, int dstPort, int srcPort,
                     boolean established) {

    public Packet {
        if (direction == Direction.BOTH) {
            throw new IllegalArgumentException("a packet goes one way");
        }
        if (isArp && (ipProto != 0 || established)) {
            throw new IllegalArgumentException("an ARP packet has no IP protocol and no connection");
        }
    }

    public boolean hasPorts() {
        return ipProto == Atom.TCP || ipProto == Atom.UDP;
    }
}
