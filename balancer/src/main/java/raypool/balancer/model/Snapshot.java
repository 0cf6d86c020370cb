package raypool.balancer.model;

import java.util.List;

/**
 * What the planner sees at one instant: hosts, VMs, where each VM runs, what it asks for and gets, and
 * its recent history. Built by an executor (a simulator, or a pool adapter) and never changed after
 * construction: the arrays are handed over, not shared, and only read through the accessors. Arrays
 * rather than objects per VM keep a 100,000-VM snapshot cheap to build and scan.
 */
public final class Snapshot {
    /** Utilisation samples kept per VM, newest first (the reference keeps 30). */
    public static final int HISTORY = 30;

    private final double time;
    private final int step;
    private final List<HostSpec> hosts;
    private final List<VmSpec> vms;
    private final HostState[] hostState;
    private final int[] vmHost;
    private final boolean[] vmMigrating;
    private final double[] demand;
    private final double[] allocated;
    private final int[][] hostVms;
    private final double[] hostUtilization;
    private final double[] hostFreeMips;
    private final double[][] history;
    private final int[] lastMovedStep;
    private final int[] hostIncomingRamMb;
    private final Constraints constraints;

    /**
     * Starts a snapshot at {@code time} (seconds) and planning {@code step}; the builder's three groups
     * name every array, so no call depends on the order of sixteen positional arguments.
     */
    public static Builder builder(double time, int step) {
        return new Builder(time, step);
    }

    /** The snapshot's parts, by what they describe. */
    public static final class Builder {
        private final double time;
        private final int step;
        private List<HostSpec> hosts;
        private List<VmSpec> vms;
        private Constraints constraints;
        private HostState[] hostState;
        private int[][] hostVms;
        private double[] hostUtilization;
        private double[] hostFreeMips;
        private int[] hostIncomingRamMb;
        private int[] vmHost;
        private boolean[] vmMigrating;
        private double[] demand;
        private double[] allocated;
        private double[][] history;
        private int[] lastMovedStep;

        private Builder(double time, int step) {
            this.time = time;
            this.step = step;
        }

        /** The hosts and VMs (their specifications) and the rules that bind the planner. */
        public Builder model(List<HostSpec> hostSpecs, List<VmSpec> vmSpecs, Constraints rules) {
            this.hosts = hostSpecs;
            this.vms = vmSpecs;
            this.constraints = rules;
            return this;
        }

        /**
         * Per host: its state, the VMs on it, its CPU utilisation and free MIPS, and memory reserved for
         * migrations arriving.
         */
        public Builder hosts(HostState[] state, int[][] vmsOnHost, double[] utilization, double[] freeMips,
                             int[] incomingRamMb) {
            this.hostState = state;
            this.hostVms = vmsOnHost;
            this.hostUtilization = utilization;
            this.hostFreeMips = freeMips;
            this.hostIncomingRamMb = incomingRamMb;
            return this;
        }

        /**
         * Per VM: its host, whether it is migrating, the MIPS it asks for and gets, its utilisation history
         * (newest first) and the step it last moved.
         */
        public Builder vms(int[] host, boolean[] migrating, double[] asked, double[] given, double[][] utilization,
                           int[] lastMoved) {
            this.vmHost = host;
            this.vmMigrating = migrating;
            this.demand = asked;
            this.allocated = given;
            this.history = utilization;
            this.lastMovedStep = lastMoved;
            return this;
        }

        public Snapshot build() {
            return new Snapshot(this);
        }
    }

    private Snapshot(Builder b) {
        double time = b.time;
        int step = b.step;
        List<HostSpec> hosts = b.hosts;
        List<VmSpec> vms = b.vms;
        HostState[] hostState = b.hostState;
        int[] vmHost = b.vmHost;
        boolean[] vmMigrating = b.vmMigrating;
        double[] demand = b.demand;
        double[] allocated = b.allocated;
        int[][] hostVms = b.hostVms;
        double[] hostUtilization = b.hostUtilization;
        double[] hostFreeMips = b.hostFreeMips;
        double[][] history = b.history;
        int[] lastMovedStep = b.lastMovedStep;
        int[] hostIncomingRamMb = b.hostIncomingRamMb;
        Constraints constraints = b.constraints;
        if (hosts == null || hostState == null || vmHost == null) {
            throw new IllegalStateException("a snapshot needs its model, hosts and VMs");
        }
        int h = hosts.size();
        int v = vms.size();
        if (hostState.length != h || hostVms.length != h || hostUtilization.length != h || hostFreeMips.length != h
                || vmHost.length != v || vmMigrating.length != v || demand.length != v || allocated.length != v
                || history.length != v || lastMovedStep.length != v || hostIncomingRamMb.length != h) {
            throw new IllegalArgumentException("snapshot arrays disagree with " + h + " hosts and " + v + " VMs");
        }
        this.time = time;
        this.step = step;
        this.hosts = hosts;
        this.vms = vms;
        this.hostState = hostState;
        this.vmHost = vmHost;
        this.vmMigrating = vmMigrating;
        this.demand = demand;
        this.allocated = allocated;
        this.hostVms = hostVms;
        this.hostUtilization = hostUtilization;
        this.hostFreeMips = hostFreeMips;
        this.history = history;
        this.lastMovedStep = lastMovedStep;
        this.hostIncomingRamMb = hostIncomingRamMb;
        this.constraints = constraints;
    }

    public Constraints constraints() { return constraints; }
    /** Memory held on the host for VMs still migrating in (a migration reserves memory on both ends). */
    public int incomingRamMb(int h) { return hostIncomingRamMb[h]; }

    public double time() { return time; }
    public int step() { return step; }
    public int hostCount() { return hosts.size(); }
    public int vmCount() { return vms.size(); }
    public HostSpec host(int h) { return hosts.get(h); }
    public VmSpec vm(int v) { return vms.get(v); }
    public List<HostSpec> hosts() { return hosts; }
    public List<VmSpec> vms() { return vms; }
    public HostState hostState(int h) { return hostState[h]; }
    /** Host the VM runs on, or -1 when it is not placed (not yet created, or gone). */
    public int hostOf(int v) { return vmHost[v]; }
    public boolean isMigrating(int v) { return vmMigrating[v]; }
    /** MIPS the VM asks for now. */
    public double demand(int v) { return demand[v]; }
    /** MIPS the VM was given at the last update. */
    public double allocated(int v) { return allocated[v]; }
    public int vmsOnHostCount(int h) { return hostVms[h].length; }
    /** The i-th VM in the host's list, in arrival order (order matters to the reference's tie-breaks). */
    public int vmOnHost(int h, int i) { return hostVms[h][i]; }
    /** CPU utilisation (fraction of capacity) at the last update. */
    public double hostUtilization(int h) { return hostUtilization[h]; }
    /** Free MIPS left by the host's CPU scheduler at the last update. */
    public double hostFreeMips(int h) { return hostFreeMips[h]; }
    public int historyLength(int v) { return history[v].length; }
    /** Utilisation (fraction of the VM's MIPS) i samples ago; 0 is the newest. */
    public double history(int v, int i) { return history[v][i]; }
    /** Step at which the VM last moved, or Integer.MIN_VALUE / 2 when never. */
    public int lastMovedStep(int v) { return lastMovedStep[v]; }

    /** Memory of the VMs on the host plus memory reserved for VMs migrating in. */
    public int memoryUsedMb(int h) {
        int sum = hostIncomingRamMb[h];
        for (int v : hostVms[h]) {
            sum += vms.get(v).ramMb();
        }
        return sum;
    }

    public double demandOnHost(int h) {
        double sum = 0;
        for (int v : hostVms[h]) {
            sum += demand[v];
        }
        return sum;
    }
}
