package raypool.cloud.firewall.match;

/** What a match says about the packet's type: nothing, ARP, or IPv4 (with an IP protocol or any). */
public enum Layer {
    ANY, ARP, IP
}
