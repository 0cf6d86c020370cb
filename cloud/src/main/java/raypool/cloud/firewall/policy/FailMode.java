package raypool.cloud.firewall.policy;

/**
 * What the switch does without its controller: {@code secure} keeps enforcing the rules it has, {@code open}
 * lets all traffic pass (Open vSwitch's {@code secure} and {@code standalone} fail modes).
 */
public enum FailMode {
    SECURE("secure"), OPEN("standalone");

    private final String ovsName;

    FailMode(String ovsName) {
        this.ovsName = ovsName;
    }

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The value of the bridge's {@code fail_mode} column. */
    public String ovsName() {
        return ovsName;
    }
}
