package raypool.balancer.sim;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import raypool.balancer.check.CheckedPlanner;
import raypool.balancer.model.Constraints;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.HostState;
import raypool.balancer.model.MigrationLink;
import raypool.balancer.model.Snapshot;
import raypool.balancer.model.VmSpec;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;
import raypool.balancer.trace.PlanetLabTrace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code --rules raypool}: the physics the project stands behind.
 * <ul>
 *   <li>A VM's demand during 5-minute step k is its sample k (times its MIPS), constant over the step;
 *       the planner at the start of step k sees only what was measured, samples up to k-1.</li>
 *   <li>VMs persist at zero demand; memory is enforced (the checker refuses any plan that over-commits).</li>
 *   <li>A host serves each VM min(demand, one core); when the sum exceeds its capacity every VM gets the
 *       same fraction. SLA shortfall is CPU a VM asked for and did not get (per-core caps included).</li>
 *   <li>A migration holds the VM's memory on both hosts, costs both hosts CPU while it runs, slows the
 *       VM by 10 % (PDM), and shares each host's migration link with the other migrations on it.</li>
 *   <li>Empty hosts switch off (for every policy, as the reference assumes); an OFF host needs
 *       {@code bootSeconds} at idle power before it can take a VM.</li>
 * </ul>
 */
public final class RaypoolRules {
    private static final double STEP = PlanetLabTrace.STEP_SECONDS;
    private static final int STEPS = PlanetLabTrace.SAMPLES;
    private static final double EPSILON = 1e-6;

    /**
     * @param bootSeconds time from power-on until a host takes VMs, drawing idle power
     * @param migrationCpuCores CPU a running migration costs each of its two hosts, in cores
     * @param migrationDegradation share of a migrating VM's CPU lost while it moves
     */
    public record Physics(double bootSeconds, double migrationCpuCores, double migrationDegradation) {
        public static final Physics DEFAULT = new Physics(120, 0.1, 0.1);
    }

    /** Migration bandwidth in MB/s for a NIC of {@code nicMbps}; see {@link MigrationLink}. */
    public static double migrationMbPerSecond(double nicMbps) {
        return MigrationLink.mbPerSecond(nicMbps);
    }

    private final PlanetLabTrace trace;
    private final List<HostSpec> hosts;
    private final List<VmSpec> vms;
    private final Planner planner;
    private final Physics physics;

    private final HostState[] state;
    private final double[] bootEnd;
    private final IntArrayList[] residents;
    private final int[] incomingRam;
    private final int[] vmHost;
    private final int[] lastMoved;
    private final List<InFlight> inFlight = new ArrayList<>();
    private final boolean[] migrating;
    private final double[] demand;

    private double energyWattSeconds;
    private double activeTime;
    private double violationTime;
    private double overCapacityTime;
    private final double[] secondsOn;
    private final boolean[] everOver;
    private double requestedMipsSeconds;
    private double migrationLossMipsSeconds;
    private long migrations;

    /** A migration under way: it starts when its destination has booted and ends after the copy. */
    private static final class InFlight {
        final int vm;
        final int from;
        final int to;
        double start;
        double end;

        InFlight(int vm, int from, int to) {
            this.vm = vm;
            this.from = from;
            this.to = to;
        }
    }

    public RaypoolRules(PlanetLabTrace trace, List<HostSpec> hosts, List<VmSpec> vms, Planner planner, Physics physics) {
        this.trace = trace;
        this.hosts = hosts;
        this.vms = vms;
        this.planner = new CheckedPlanner(planner);
        this.physics = physics;
        int h = hosts.size();
        state = new HostState[h];
        Arrays.fill(state, HostState.OFF);
        bootEnd = new double[h];
        residents = new IntArrayList[h];
        for (int i = 0; i < h; i++) {
            residents[i] = new IntArrayList();
        }
        incomingRam = new int[h];
        vmHost = new int[vms.size()];
        Arrays.fill(vmHost, -1);
        lastMoved = new int[vms.size()];
        Arrays.fill(lastMoved, Integer.MIN_VALUE / 2);
        migrating = new boolean[vms.size()];
        demand = new double[vms.size()];
        everOver = new boolean[h];
        secondsOn = new double[h];
    }

    public ReplayResult run(StepListener listener) {
        long started = System.nanoTime();
        Timeline timeline = new Timeline();
        long[] decisionNanos = new long[STEPS];
        int decisions = 0;
        java.util.SortedMap<Integer, Integer> placed = new java.util.TreeMap<>();
        for (int k = 0; k < STEPS; k++) {
            double t0 = k * STEP;
            long migrationsBefore = migrations;
            if (k == 0) {
                placeAtCreation();
                placed = ReplayResult.vmsPerHost(vmHost, hosts.size());
            } else {
                Snapshot snapshot = snapshot(k);
                long before = System.nanoTime();
                Plan plan = planner.optimize(snapshot);
                decisionNanos[decisions++] = System.nanoTime() - before;
                execute(plan, t0, k);
            }
            switchOffEmptyHosts();
            for (int v = 0; v < vms.size(); v++) {
                demand[v] = trace.utilization(v, k) * vms.get(v).mips();
            }
            int shortHosts = simulateStep(t0, t0 + STEP);
            int active = 0;
            for (int h = 0; h < hosts.size(); h++) {
                if (!residents[h].isEmpty()) {
                    active++;
                }
            }
            timeline.add(t0 + STEP, active, energyWattSeconds / 3.6e6, shortHosts, (int) (migrations - migrationsBefore));
            listener.stepDone(k + 1, STEPS);
        }
        double energyKwh = energyWattSeconds / 3.6e6;
        double slatah = activeTime == 0 ? 0 : violationTime / activeTime;
        double pdm = requestedMipsSeconds == 0 ? 0 : migrationLossMipsSeconds / requestedMipsSeconds;
        double slav = slatah * pdm;
        double wallS = (System.nanoTime() - started) / 1e9;
        int overHosts = 0;
        for (boolean over : everOver) {
            overHosts += over ? 1 : 0;
        }
        return new ReplayResult(planner.name(), "raypool", trace.source(), hosts.size(), vms.size(), energyKwh, slatah,
                pdm, slav, energyKwh * slav, migrations, ReplayResult.DecisionTimes.of(decisionNanos, decisions),
                wallS, timeline, overHosts, overCapacityTime / 3600, EnergyBound.raypoolKwh(trace, hosts, vms), placed,
                CloudSimRules.hours(secondsOn));
    }

    /**
     * The snapshot a planner would see at step k after the VMs were placed at creation and nothing moved
     * since: for timing planning rounds at scale without simulating the day before.
     */
    public Snapshot placedSnapshotAt(int k) {
        if (k < 1 || k >= STEPS) {
            throw new IllegalArgumentException("step " + k + " is outside 1.." + (STEPS - 1));
        }
        placeAtCreation();
        return snapshot(k);
    }

    /** New VMs ask for their nominal MIPS: nothing about them has been measured yet. */
    private void placeAtCreation() {
        double[] nominal = new double[vms.size()];
        for (int v = 0; v < vms.size(); v++) {
            nominal[v] = vms.get(v).mips();
        }
        Snapshot creation = build(0, nominal, new double[vms.size()][0]);
        for (Action action : planner.place(creation).actions()) {
            if (action instanceof Action.Place p) {
                residents[p.to()].add(p.vm());
                vmHost[p.vm()] = p.to();
                state[p.to()] = HostState.ON;    // the day starts with the pool running
            }
        }
    }

    private void execute(Plan plan, double t0, int step) {
        List<InFlight> started = new ArrayList<>();
        for (Action action : plan.actions()) {
            switch (action) {
                case Action.Migrate m -> {
                    powerOnIfOff(m.to(), t0);
                    InFlight f = new InFlight(m.vm(), m.from(), m.to());
                    started.add(f);
                    inFlight.add(f);
                    migrating[m.vm()] = true;
                    incomingRam[m.to()] += vms.get(m.vm()).ramMb();
                    lastMoved[m.vm()] = step;
                    migrations++;
                }
                case Action.PowerOn on -> powerOnIfOff(on.host(), t0);
                case Action.PowerOff off -> state[off.host()] = HostState.OFF;
                case Action.Place p -> {
                    powerOnIfOff(p.to(), t0);
                    residents[p.to()].add(p.vm());
                    vmHost[p.vm()] = p.to();
                }
            }
        }
        // Concurrent migrations share each host's link: a migration runs at the share left on its busier end.
        int[] sharing = new int[hosts.size()];
        for (InFlight f : inFlight) {
            sharing[f.from]++;
            sharing[f.to]++;
        }
        for (InFlight f : started) {
            double bandwidth = MigrationLink.sharedMbPerSecond(hosts.get(f.from).nicMbps(), hosts.get(f.to).nicMbps(),
                    sharing[f.from], sharing[f.to]);
            f.start = Math.max(t0, state[f.to] == HostState.BOOTING ? bootEnd[f.to] : t0);
            f.end = f.start + vms.get(f.vm).ramMb() / bandwidth;
        }
    }

    private void powerOnIfOff(int h, double t) {
        if (state[h] == HostState.OFF) {
            state[h] = HostState.BOOTING;
            bootEnd[h] = t + physics.bootSeconds();
        }
    }

    private void switchOffEmptyHosts() {
        for (int h = 0; h < hosts.size(); h++) {
            if (state[h] == HostState.ON && residents[h].isEmpty() && incomingRam[h] == 0) {
                state[h] = HostState.OFF;
            }
        }
    }

    /** Integrates energy and SLA over [t0, t1), split at boot and migration events. Returns hosts ever short. */
    private int simulateStep(double t0, double t1) {
        DoubleArrayList cuts = new DoubleArrayList();
        cuts.add(t0);
        for (int h = 0; h < hosts.size(); h++) {
            if (state[h] == HostState.BOOTING && bootEnd[h] > t0 && bootEnd[h] < t1) {
                cuts.add(bootEnd[h]);
            }
        }
        for (InFlight f : inFlight) {
            if (f.start > t0 && f.start < t1) {
                cuts.add(f.start);
            }
            if (f.end > t0 && f.end < t1) {
                cuts.add(f.end);
            }
        }
        cuts.add(t1);
        double[] times = cuts.toDoubleArray();
        Arrays.sort(times);
        boolean[] everShort = new boolean[hosts.size()];
        for (int i = 0; i + 1 < times.length; i++) {
            double a = times[i];
            double b = times[i + 1];
            applyEvents(a);
            if (b > a) {
                integrate(a, b, everShort);
            }
        }
        applyEvents(t1);
        int count = 0;
        for (boolean s : everShort) {
            if (s) {
                count++;
            }
        }
        return count;
    }

    private void applyEvents(double t) {
        for (int h = 0; h < hosts.size(); h++) {
            if (state[h] == HostState.BOOTING && bootEnd[h] <= t) {
                state[h] = HostState.ON;
            }
        }
        for (int i = 0; i < inFlight.size(); i++) {
            InFlight f = inFlight.get(i);
            if (f.end <= t) {
                residents[f.from].rem(f.vm);
                residents[f.to].add(f.vm);
                incomingRam[f.to] -= vms.get(f.vm).ramMb();
                vmHost[f.vm] = f.to;
                migrating[f.vm] = false;
                inFlight.remove(i--);
            }
        }
    }

    private void integrate(double a, double b, boolean[] everShort) {
        double dt = b - a;
        int h = hosts.size();
        double[] overhead = new double[h];
        boolean[] copying = new boolean[vms.size()];
        boolean[] receiving = new boolean[h];
        for (InFlight f : inFlight) {
            if (f.start <= a) {
                overhead[f.from] += physics.migrationCpuCores() * hosts.get(f.from).peMips();
                overhead[f.to] += physics.migrationCpuCores() * hosts.get(f.to).peMips();
                copying[f.vm] = true;
                receiving[f.to] = true;
            }
        }
        for (int host = 0; host < h; host++) {
            HostSpec spec = hosts.get(host);
            if (state[host] == HostState.OFF) {
                continue;
            }
            secondsOn[host] += dt;
            if (state[host] == HostState.BOOTING) {
                energyWattSeconds += spec.power().idleWatts() * dt;
                continue;
            }
            IntArrayList list = residents[host];
            double need = overhead[host];
            double asked = 0;
            for (int i = 0; i < list.size(); i++) {
                int v = list.getInt(i);
                need += Math.min(demand[v], spec.peMips());
                asked += demand[v];
            }
            double capacity = spec.capacityMips();
            double scale = need > capacity ? capacity / need : 1;
            if (need > capacity + EPSILON) {
                overCapacityTime += dt;
                everOver[host] = true;
            }
            double given = 0;
            for (int i = 0; i < list.size(); i++) {
                int v = list.getInt(i);
                double g = Math.min(demand[v], spec.peMips()) * scale;
                given += g;
                requestedMipsSeconds += demand[v] * dt;
                if (copying[v]) {
                    migrationLossMipsSeconds += (demand[v] - g * (1 - physics.migrationDegradation())) * dt;
                }
            }
            energyWattSeconds += spec.power().watts(Math.min(need, capacity) / capacity) * dt;
            if (!list.isEmpty() || receiving[host]) {
                activeTime += dt;
                if (asked > given + EPSILON) {
                    violationTime += dt;
                    everShort[host] = true;
                }
            }
        }
    }

    private Snapshot snapshot(int k) {
        double[] measured = new double[vms.size()];
        double[][] history = new double[vms.size()][];
        int length = Math.min(k, Snapshot.HISTORY);
        for (int v = 0; v < vms.size(); v++) {
            measured[v] = trace.utilization(v, k - 1) * vms.get(v).mips();
            double[] hist = new double[length];
            for (int i = 0; i < length; i++) {
                hist[i] = trace.utilization(v, k - 1 - i);
            }
            history[v] = hist;
        }
        return build(k, measured, history);
    }

    /** What the planner sees: placement, measured demand served by the CPU scheduler, memory reservations. */
    private Snapshot build(int k, double[] measured, double[][] history) {
        int h = hosts.size();
        int[][] lists = new int[h][];
        double[] allocated = new double[vms.size()];
        double[] utilization = new double[h];
        double[] free = new double[h];
        for (int host = 0; host < h; host++) {
            lists[host] = residents[host].toIntArray();
            HostSpec spec = hosts.get(host);
            double capacity = spec.capacityMips();
            double left = capacity;
            double total = 0;
            boolean over = false;
            for (int v : lists[host]) {
                double c = Math.min(measured[v], spec.peMips());
                total += c;
                if (!over && left >= c) {
                    allocated[v] = c;
                    left -= c;
                } else {
                    over = true;
                }
            }
            if (over) {
                double scale = capacity / total;
                for (int v : lists[host]) {
                    allocated[v] = Math.floor(Math.min(measured[v], spec.peMips()) * scale);
                }
                left = 0;
            }
            free[host] = left;
            utilization[host] = (capacity - left) / capacity;
            if (lists[host].length == 0) {
                utilization[host] = 0;
            }
        }
        return Snapshot.builder(k * STEP, k)
                .model(hosts, vms, Constraints.RAYPOOL)
                .hosts(state.clone(), lists, utilization, free, incomingRam.clone())
                .vms(vmHost.clone(), migrating.clone(), measured, allocated, history, lastMoved.clone())
                .build();
    }
}
