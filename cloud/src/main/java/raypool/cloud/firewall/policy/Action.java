package raypool.cloud.firewall.policy;

/** What a matching rule does with a packet. */
public enum Action {
    ALLOW, DENY;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
