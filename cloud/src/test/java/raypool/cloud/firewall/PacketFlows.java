package raypool.cloud.firewall;

import raypool.cloud.firewall.compile.Layout;
import raypool.cloud.firewall.compile.Port;
import raypool.cloud.firewall.match.Atom;
import raypool.cloud.firewall.match.Packet;
import raypool.cloud.firewall.ovs.OvsSwitch;
import raypool.cloud.firewall.policy.Direction;
import raypool.cloud.firewall.policy.Ipv4;

/** Turns an explain packet at one interface into the ofproto/trace flow that the switch would see. */
public final class PacketFlows {

    /** The address a VM whose guest reports none sends from (it is not checked then). */
    public static final String UNKNOWN_IP = "192.168.99.99";

    private PacketFlows() {
    }

    /** A packet from one VM of the pool to another, as the sender's port sees it (new connections only). */
    public static OvsSwitch.Trace between(Packet outOfSender, Port sender, Port receiver) {
        String from = sender.iface().ip().orElse(UNKNOWN_IP);
        String to = receiver.iface().ip().orElse(UNKNOWN_IP);
        StringBuilder b = new StringBuilder("in_port=").append(sender.ofport()).append(",dl_src=").append(sender.iface().mac())
                .append(",dl_dst=").append(receiver.iface().mac());
        appendL3(b, outOfSender, from, to);
        return new OvsSwitch.Trace(b.toString(), "");
    }

    private static void appendL3(StringBuilder b, Packet p, String src, String dst) {
        if (p.isArp()) {
            b.append(",arp,arp_op=1,arp_spa=").append(src).append(",arp_tpa=").append(dst);
            return;
        }
        String proto = switch (p.ipProto()) {
            case Atom.TCP -> "tcp";
            case Atom.UDP -> "udp";
            case Atom.ICMP -> "icmp";
            default -> "ip,nw_proto=" + p.ipProto();
        };
        b.append(',').append(proto).append(",nw_src=").append(src).append(",nw_dst=").append(dst);
        if (p.hasPorts()) {
            b.append(',').append(proto).append("_dst=").append(p.dstPort()).append(',').append(proto).append("_src=").append(p.srcPort());
        }
    }

    public static OvsSwitch.Trace trace(Packet p, Port port) {
        String vmIp = port.iface().ip().orElse(UNKNOWN_IP);
        String remote = Ipv4.format(p.remote());
        boolean out = p.direction() == Direction.OUT;
        StringBuilder b = new StringBuilder();
        if (out) {
            b.append("in_port=").append(port.ofport()).append(",dl_src=").append(port.iface().mac()).append(",dl_dst=").append(TestPool.GATEWAY_MAC);
        } else {
            b.append("in_port=").append(Layout.UPLINK).append(",dl_src=").append(TestPool.GATEWAY_MAC).append(",dl_dst=").append(port.iface().mac());
        }
        appendL3(b, p, out ? vmIp : remote, out ? remote : vmIp);
        return new OvsSwitch.Trace(b.toString(), p.established() ? "trk,est" : "");
    }
}
