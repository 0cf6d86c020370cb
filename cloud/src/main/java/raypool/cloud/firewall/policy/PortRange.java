package raypool.cloud.firewall.policy;

/** An inclusive range of TCP/UDP ports, 0..65535; a single port is a range of one. */
public record PortRange(int low, int high) {

    public static final PortRange ALL = new PortRange(0, 65535);

    public PortRange {
        if (low < 0 || high > 65535 || low > high) {
            throw new IllegalArgumentException("port range " + low + "-" + high + " is not within 0-65535 low to high");
        }
    }

    public static PortRange of(int port) {
        return new PortRange(port, port);
    }

    /** Parses {@code 22} or {@code 8000-8100}. */
    public static PortRange parse(String text) {
        String t = text.strip();
        int dash = t.indexOf('-');
        try {
            if (dash < 0) {
                return of(Integer.parseInt(t));
            }
            return new PortRange(Integer.parseInt(t.substring(0, dash).strip()), Integer.parseInt(t.substring(dash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a port or a range such as 8000-8100");
        }
    }

    public boolean isAll() {
        return low == 0 && high == 65535;
    }

    public boolean contains(int port) {
        return port >= low && port <= high;
    }

    public boolean contains(PortRange other) {
        return low <= other.low && other.high <= high;
    }

    public boolean overlaps(PortRange other) {
        return low <= other.high && other.low <= high;
    }

    @Override
    public String toString() {
        return low == high ? Integer.toString(low) : low + "-" + high;
    }
}
