package raypool.cloud.firewall.compile;

/** Which switch port (OpenFlow port number) stands for which VM interface. */
public record Port(Interface iface, int ofport) {
}
