package raypool.cloud.firewall.compile;

/**
 * The pipeline the compiler writes and the registers it uses between tables.
 * <ul>
 * <li>table 0 classifies: a packet from a VM's port (with its MAC and, when known, its IP) or to a VM's MAC
 * from the uplink gets the interface, direction, network and VM into registers;</li>
 * <li>table 1 sends IPv4 through connection tracking, in one zone per interface;</li>
 * <li>table 2 holds the rules: replies of tracked connections pass, then one priority band per rule in
 * first-match order; allowed IPv4 is committed to the tracker so its replies pass;</li>
 * <li>table 3 forwards: to a VM's port, through the receiving VM's rules for traffic between VMs, or out the
 * uplink.</li>
 * </ul>
 */
public final class Layout {

    public static final int CLASSIFY = 0;
    public static final int TRACK = 1;
    public static final int RULES = 2;
    public static final int FORWARD = 3;

    /** The OpenFlow port of the link to everything outside the pool's VMs. */
    public static final int UPLINK = 65000;

    /** Register values of the direction register (reg2), seen from the VM. */
    public static final int FROM_VM = 1;
    public static final int TO_VM = 2;

    /** Cookie of the flows that belong to no rule: classification, tracking, forwarding. */
    public static final long INFRASTRUCTURE_COOKIE = 0;

    /** Priority of the first rule; each rule takes two priorities below the previous one. */
    public static final int FIRST_RULE_PRIORITY = 60000;
    public static final int MAX_RULES = FIRST_RULE_PRIORITY / 2 - 1;
    public static final int ESTABLISHED_PRIORITY = 65000;
    public static final int INVALID_PRIORITY = 65001;

    static final String INTERFACE_REG = "reg1";
    static final String DIRECTION_REG = "reg2";
    static final String NETWORK_REG = "reg3";
    static final String VM_REG = "reg4";
    static final String ZONE = "zone=NXM_NX_REG1[0..15]";

    private Layout() {
    }

    public static int priorityOf(int rank) {
        return FIRST_RULE_PRIORITY - 2 * rank;
    }
}
