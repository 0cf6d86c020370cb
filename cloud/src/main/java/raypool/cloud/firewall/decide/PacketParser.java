package raypool.cloud.firewall.decide;

import java.util.Locale;
import raypool.cloud.firewall.match.Atom;
import raypool.cloud.firewall.match.Packet;
import raypool.cloud.firewall.policy.Direction;
import raypool.cloud.firewall.policy.Ipv4;

/**
 * Reads the packet syntax of {@code firewall explain}: {@code PROTOCOL,DIRECTION[,remote=A][,port=N][,sport=N]
 * [,proto=N][,state=new|est]} with protocol {@code arp, icmp, tcp, udp, ip, dhcp, dns} and direction {@code in}
 * (to the VM) or {@code out}. {@code port} is the destination port, {@code sport} the source port (default
 * {@value #EPHEMERAL}, a client's); {@code dhcp} and {@code dns} are UDP with a client's ports in that direction.
 * The remote address defaults to {@value #DEFAULT_REMOTE}.
 */
public final class PacketParser {

    public static final int EPHEMERAL = 49152;
    public static final String DEFAULT_REMOTE = "192.0.2.1";
    /** The IP protocol of an {@code ip} packet that names none: 253 is set aside for experiments. */
    public static final int OTHER_IP_PROTO = 253;

    private PacketParser() {
    }

    public static Packet parse(String text) {
        String[] parts = text.strip().split(",");
        if (parts.length < 2) {
            throw new IllegalArgumentException("'" + text + "' needs at least a protocol and a direction, e.g. tcp,in,port=22");
        }
        String protocol = parts[0].strip().toLowerCase(Locale.ROOT);
        Direction direction = switch (parts[1].strip().toLowerCase(Locale.ROOT)) {
            case "in" -> Direction.IN;
            case "out" -> Direction.OUT;
            default -> throw new IllegalArgumentException("direction '" + parts[1].strip() + "' is not in or out");
        };
        int remote = Ipv4.parse(DEFAULT_REMOTE);
        Integer port = null;
        Integer sport = null;
        Integer proto = null;
        boolean established = false;
        for (int i = 2; i < parts.length; i++) {
            String part = parts[i].strip();
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("'" + part + "' is not KEY=VALUE (remote, port, sport, proto, state)");
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            switch (key) {
                case "remote" -> remote = Ipv4.parse(value);
                case "port" -> port = number(key, value, 65535);
                case "sport" -> sport = number(key, value, 65535);
                case "proto" -> proto = number(key, value, 255);
                case "state" -> established = switch (value) {
                    case "new" -> false;
                    case "est", "established" -> true;
                    default -> throw new IllegalArgumentException("state '" + value + "' is not new or est");
                };
                default -> throw new IllegalArgumentException("unknown key '" + key + "' (remote, port, sport, proto, state)");
            }
        }
        return switch (protocol) {
            case "arp" -> {
                if (port != null || sport != null || proto != null || established) {
                    throw new IllegalArgumentException("an arp packet has no ports, IP protocol or connection state");
                }
                yield new Packet(true, 0, direction, remote, 0, 0, false);
            }
            case "icmp", "ip" -> {
                if (port != null || sport != null) {
                    throw new IllegalArgumentException("ports need tcp or udp");
                }
                int p = "icmp".equals(protocol) ? Atom.ICMP : proto == null ? OTHER_IP_PROTO : proto;
                yield new Packet(false, p, direction, remote, 0, 0, established);
            }
            case "tcp", "udp" -> {
                if (port == null) {
                    throw new IllegalArgumentException(protocol + " needs port=N (the destination port)");
                }
                int p = "tcp".equals(protocol) ? Atom.TCP : Atom.UDP;
                yield new Packet(false, p, direction, remote, port, sport == null ? EPHEMERAL : sport, established);
            }
            case "dhcp" -> direction == Direction.OUT
                    ? new Packet(false, Atom.UDP, direction, remote, 67, 68, established)
                    : new Packet(false, Atom.UDP, direction, remote, 68, 67, established);
            case "dns" -> direction == Direction.OUT
                    ? new Packet(false, Atom.UDP, direction, remote, 53, sport == null ? EPHEMERAL : sport, established)
                    : new Packet(false, Atom.UDP, direction, remote, port == null ? EPHEMERAL : port, 53, established);
            default -> throw new IllegalArgumentException("protocol '" + protocol + "' is not one of arp, icmp, tcp, udp, ip, dhcp, dns");
        };
    }

    private static int number(String key, String value, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(key + " '" + value + "' is not a whole number from 0 to " + max);
    }
}
