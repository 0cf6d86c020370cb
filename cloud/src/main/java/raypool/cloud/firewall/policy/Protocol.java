package raypool.cloud.firewall.policy;

/**
 * The protocols a rule can name. {@code dhcp} and {@code dns} are names for their UDP (and DNS's TCP) ports in
 * the direction a client uses them, since a VM is the client of both.
 */
public enum Protocol {
    ANY, ARP, IP, ICMP, TCP, UDP, DHCP, DNS;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Only TCP and UDP rules may name a port: the others have none, or fix their own. */
    public boolean takesPort() {
        return this == TCP || this == UDP;
    }
}
