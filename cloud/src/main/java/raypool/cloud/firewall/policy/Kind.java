package raypool.cloud.firewall.policy;

/** Mandatory rules are tried from the widest level down, default rules from the narrowest level up. */
public enum Kind {
    MANDATORY, DEFAULT;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
