package raypool.cloud.firewall.policy;

/** Seen from the VM: {@code in} is traffic to it, {@code out} traffic from it. */
public enum Direction {
    IN, OUT, BOTH;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean covers(Direction packet) {
        return this == BOTH || this == packet;
    }
}
