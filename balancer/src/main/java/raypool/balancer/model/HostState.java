package raypool.balancer.model;

/** What a host may do. Only ON hosts run VMs; a BOOTING host becomes ON after the boot time. */
public enum HostState {
    ON, OFF, BOOTING, MAINTENANCE, EXCLUDED;

    /** Whether the planner may choose this host as a destination (possibly after powering it on). */
    public boolean acceptsVms() {
        return this == ON || this == OFF || this == BOOTING;
    }
}
