package raypool.cloud.firewall.policy;

/** Where a rule is attached; a rule at any level but global names its target (a pool, network or VM). */
public enum Level {
    GLOBAL, POOL, NETWORK, VM;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
