package raypool.cloud.firewall.policy;

/**
 * An IPv4 network in CIDR notation; {@code any} is 0.0.0.0/0. The address is kept with its host bits cleared,
 * so two spellings of one network are equal.
 */
public record Ipv4Cidr(int network, int prefix) {

    public static final Ipv4Cidr ANY = new Ipv4Cidr(0, 0);

    public Ipv4Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix /" + prefix + " is not within 0-32");
        }
        network = network & mask(prefix);
    }

    public static Ipv4Cidr host(int address) {
        return new Ipv4Cidr(address, 32);
    }

    /** Parses {@code any}, {@code 10.0.0.0/8} or a single address {@code 10.1.2.3}. */
    public static Ipv4Cidr parse(String text) {
        String t = text.strip();
        if ("any".equals(t)) {
            return ANY;
        }
        int slash = t.indexOf('/');
        if (slash < 0) {
            return host(Ipv4.parse(t));
        }
        int prefix;
        try {
            prefix = Integer.parseInt(t.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length after '/'");
        }
        return new Ipv4Cidr(Ipv4.parse(t.substring(0, slash)), prefix);
    }

    static int mask(int prefix) {
        return prefix == 0 ? 0 : -1 << (32 - prefix);
    }

    public int mask() {
        return mask(prefix);
    }

    public boolean isAny() {
        return prefix == 0;
    }

    public boolean contains(int address) {
        return (address & mask()) == network;
    }

    public boolean contains(Ipv4Cidr other) {
        return prefix <= other.prefix && contains(other.network);
    }

    public boolean overlaps(Ipv4Cidr other) {
        return contains(other) || other.contains(this);
    }

    @Override
    public String toString() {
        return isAny() ? "any" : Ipv4.format(network) + "/" + prefix;
    }
}
