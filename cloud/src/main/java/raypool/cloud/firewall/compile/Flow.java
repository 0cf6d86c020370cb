package raypool.cloud.firewall.compile;

/**
 * One OpenFlow flow in {@code ovs-ofctl} syntax: table, priority, cookie, match (may be empty) and actions.
 * The compiler's output and what {@code apply} reads back from the switch share this shape.
 */
public record Flow(int table, int priority, long cookie, String match, String actions) {

    /** The line {@code ovs-ofctl add-flows} reads. */
    public String text() {
        StringBuilder b = new StringBuilder(64 + match.length() + actions.length());
        b.append("cookie=0x").append(Long.toHexString(cookie)).append(",table=").append(table).append(",priority=").append(priority);
        if (!match.isEmpty()) {
            b.append(',').append(match);
        }
        return b.append(",actions=").append(actions).toString();
    }
}
