package raypool.balancer.sim;

import it.unimi.dsi.fastutil.booleans.BooleanArrayList;
import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import raypool.balancer.check.CheckedPlanner;
import raypool.balancer.model.Constraints;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.HostState;
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
 * {@code --rules cloudsim}: the reference experiment (CloudSim 3.0.3's PlanetLab power runs) replayed
 * by the reference code's rules, so the baselines can be checked against the
 * published figures. Everything marked QUIRK below is the reference's behaviour, kept for fidelity; it
 * is not the project's physics (that is {@link RaypoolRules}).
 *
 * <ul>
 *   <li>QUIRK zero-demand deletion: a non-migrating VM whose demand is exactly 0 at any update is
 *       removed for good (half of the VMs on 20110303).</li>
 *   <li>QUIRK no memory after placement: memory and bandwidth are checked only at t = 0.</li>
 *   <li>QUIRK migrating-in shortfall: a VM migrating in is given 0.1 of its demand on the destination
 *       while the destination's requested MIPS counts all of it, so the destination is short for the
 *       whole migration (most of SLATAH).</li>
 *   <li>QUIRK double migration: the planner may move a VM twice in one round (see MmtPlanner).</li>
 *   <li>QUIRK sampled demand: demand is read only at event times, interpolated between samples, and
 *       the first sample is never used.</li>
 * </ul>
 */
public final class CloudSimRules {
    private static final double STEP = 300;
    private static final int STEPS = 287;
    /** The reference models half of a 1 Gbit/s NIC for migration: MB / 62.5 MB/s. */
    private static final double MIGRATION_MB_PER_S = 1_000_000.0 / (2 * 8000);

    private final PlanetLabTrace trace;
    private final List<HostSpec> hosts;
    private final List<VmSpec> vms;
    private final Planner planner;

    // hosts: VM list in arrival order, a migrating-in flag and the CPU allocation per entry
    private final IntArrayList[] hostVms;
    private final BooleanArrayList[] hostIn;
    private final DoubleArrayList[] hostAlloc;
    private final double[] hostFree;
    private final double[] utilMips;
    private final double[] prevUtilMips;
    private final double[] capacity;
    private final double[] peMips;

    // host state records for SLATAH: the latest record, finalised when a later one arrives
    private final double[] recTime;
    private final double[] recAlloc;
    private final double[] recReq;
    private final boolean[] recActive;
    private final boolean[] recOver;
    private final boolean[] everOver;
    private double activeTime;
    private double violationTime;
    private double overCapacityTime;
    private final double[] secondsOn;

    // VM records for PDM
    private final double[] vRecTime;
    private final double[] vRecAlloc;
    private final double[] vRecReq;
    private final boolean[] vRecOut;
    private double requestedMipsSeconds;
    private double migrationShortfallMipsSeconds;

    // VMs
    private final int[] vmTable;
    private final boolean[] alive;
    private final boolean[] inMigration;
    private final double[][] history;
    private final int[] historyLength;
    private final double[] demand;
    private final int[] lastMoved;

    private double lastProcess;
    private double energyWattSeconds;
    private long migrations;

    public CloudSimRules(PlanetLabTrace trace, List<HostSpec> hosts, List<VmSpec> vms, Planner planner) {
        this.trace = trace;
        this.hosts = hosts;
        this.vms = vms;
        this.planner = new CheckedPlanner(planner);
        int h = hosts.size();
        int v = vms.size();
        hostVms = new IntArrayList[h];
        hostIn = new BooleanArrayList[h];
        hostAlloc = new DoubleArrayList[h];
        hostFree = new double[h];
        utilMips = new double[h];
        prevUtilMips = new double[h];
        capacity = new double[h];
        peMips = new double[h];
        recTime = new double[h];
        recAlloc = new double[h];
        recReq = new double[h];
        recActive = new boolean[h];
        recOver = new boolean[h];
        everOver = new boolean[h];
        secondsOn = new double[h];
        Arrays.fill(recTime, -1);
        for (int i = 0; i < h; i++) {
            hostVms[i] = new IntArrayList();
            hostIn[i] = new BooleanArrayList();
            hostAlloc[i] = new DoubleArrayList();
            capacity[i] = hosts.get(i).capacityMips();
            peMips[i] = hosts.get(i).peMips();
            hostFree[i] = capacity[i];
        }
        vRecTime = new double[v];
        vRecAlloc = new double[v];
        vRecReq = new double[v];
        vRecOut = new boolean[v];
        Arrays.fill(vRecTime, -1);
        vmTable = new int[v];
        Arrays.fill(vmTable, -1);
        alive = new boolean[v];
        inMigration = new boolean[v];
        history = new double[v][Snapshot.HISTORY];
        historyLength = new int[v];
        demand = new double[v];
        lastMoved = new int[v];
        Arrays.fill(lastMoved, Integer.MIN_VALUE / 2);
    }

    public ReplayResult run(StepListener listener) {
        long start = System.nanoTime();
        Timeline timeline = new Timeline();
        placeAtCreation();
        var placed = ReplayResult.vmsPerHost(vmTable, hosts.size());
        long[] decisionNanos = new long[STEPS];
        double t = 0.1;
        for (int k = 1; k <= STEPS; k++) {
            t += STEP;    // accumulated, as the reference's event times are
            update(t, true);
            int activeHosts = 0;
            int shortHosts = 0;
            for (int h = 0; h < hosts.size(); h++) {
                if (utilMips[h] > 0) {
                    activeHosts++;
                }
                if (recActive[h] && recAlloc[h] < recReq[h]) {
                    shortHosts++;
                }
            }
            Snapshot snapshot = snapshot(t, k);
            long before = System.nanoTime();
            Plan plan = planner.optimize(snapshot);
            decisionNanos[k - 1] = System.nanoTime() - before;
            long startedBefore = migrations;
            List<double[]> completions = new ArrayList<>();
            for (Action action : plan.actions()) {
                if (action instanceof Action.Migrate m) {
                    startMigration(m.vm(), m.to(), t, k);
                    completions.add(new double[] {t + vms.get(m.vm()).ramMb() / MIGRATION_MB_PER_S, m.vm(), m.to(),
                            completions.size()});
                }
            }
            completeMigrations(completions);
            timeline.add(t, activeHosts, energyWattSeconds / 3.6e6, shortHosts, (int) (migrations - startedBefore));
            listener.stepDone(k, STEPS);
        }
        double slatah = violationTime / activeTime;
        double pdm = migrationShortfallMipsSeconds / requestedMipsSeconds;
        double energyKwh = energyWattSeconds / 3.6e6;
        double slav = slatah * pdm;
        double wallS = (System.nanoTime() - start) / 1e9;
        int overHosts = 0;
        for (boolean over : everOver) {
            overHosts += over ? 1 : 0;
        }
        return new ReplayResult(planner.name(), "cloudsim", trace.source(), hosts.size(), vms.size(), energyKwh,
                slatah, pdm, slav, energyKwh * slav, migrations, ReplayResult.DecisionTimes.of(decisionNanos, STEPS),
                wallS, timeline, overHosts, overCapacityTime / 3600, EnergyBound.cloudSimKwh(trace, hosts, vms), placed,
                hours(secondsOn));
    }

    /** Every VM asks for its nominal MIPS at creation; the planner places them in id order. */
    private void placeAtCreation() {
        int h = hosts.size();
        int v = vms.size();
        double[] nominal = new double[v];
        for (int i = 0; i < v; i++) {
            nominal[i] = vms.get(i).mips();
        }
        int[][] empty = new int[h][0];
        HostState[] states = new HostState[h];
        Arrays.fill(states, HostState.ON);
        double[][] noHistory = new double[v][0];
        int[] unplaced = new int[v];
        Arrays.fill(unplaced, -1);
        Snapshot creation = Snapshot.builder(0, 0)
                .model(hosts, vms, Constraints.REFERENCE_CREATION)
                .hosts(states, empty, new double[h], capacity.clone(), new int[h])
                .vms(unplaced, new boolean[v], nominal, new double[v], noHistory, lastMoved.clone())
                .build();
        for (Action action : planner.place(creation).actions()) {
            if (action instanceof Action.Place p) {
                hostVms[p.to()].add(p.vm());
                hostIn[p.to()].add(false);
                hostAlloc[p.to()].add(vms.get(p.vm()).mips());
                vmTable[p.vm()] = p.to();
                alive[p.vm()] = true;
            }
        }
    }

    /** The reference's utilisation model: linear between the 5-minute samples around t. */
    private double utilization(int v, double t) {
        return utilization(trace, v, t);
    }

    /** The reference's utilisation model for VM v of a trace at time t (the energy bound uses it too). */
    static double utilization(PlanetLabTrace trace, int v, double t) {
        if (t % STEP == 0) {
            return trace.utilization(v, (int) (t / STEP));
        }
        int t1 = (int) Math.floor(t / STEP);
        int t2 = (int) Math.ceil(t / STEP);
        double u1 = trace.utilization(v, t1);
        double u2 = trace.utilization(v, t2);
        double delta = (u2 - u1) / ((t2 - t1) * STEP);
        return u1 + delta * (t - t1 * STEP);
    }

    /** A full datacenter update at time t: every host recomputes, energy is charged, zero VMs go. */
    private void update(double t, boolean regularStep) {
        double dt = t - lastProcess;
        for (int v = 0; v < vms.size(); v++) {
            if (alive[v]) {
                double u = utilization(v, t);
                demand[v] = u * vms.get(v).mips();
                if (regularStep) {
                    addHistory(v, u);
                }
            }
        }
        for (int h = 0; h < hosts.size(); h++) {
            recompute(h, t);
        }
        if (dt > 0) {
            double frame = 0;
            for (int h = 0; h < hosts.size(); h++) {
                double from = utilization(prevUtilMips[h], capacity[h]);
                if (from == 0) {
                    continue;
                }
                double to = utilization(utilMips[h], capacity[h]);
                double pFrom = hosts.get(h).power().watts(from);
                double pTo = hosts.get(h).power().watts(to);
                frame += (pFrom + (pTo - pFrom) / 2) * dt;
            }
            energyWattSeconds += frame;
        }
        removeZeroDemandVms();
        lastProcess = t;
    }

    static double[] hours(double[] seconds) {
        double[] hours = new double[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            hours[i] = seconds[i] / 3600;
        }
        return hours;
    }

    private static double utilization(double mips, double capacity) {
        double u = mips / capacity;
        return u > 1 && u < 1.01 ? 1 : u;
    }

    private void addHistory(int v, double u) {
        double[] hist = history[v];
        System.arraycopy(hist, 0, hist, 1, hist.length - 1);
        hist[0] = u;
        historyLength[v] = Math.min(hist.length, historyLength[v] + 1);
    }

    /** QUIRK zero-demand deletion (see the class comment). */
    private void removeZeroDemandVms() {
        for (int h = 0; h < hosts.size(); h++) {
            IntArrayList list = hostVms[h];
            for (int i = 0; i < list.size(); i++) {
                int v = list.getInt(i);
                if (!inMigration[v] && demand[v] == 0) {
                    list.removeInt(i);
                    hostIn[h].removeBoolean(i);
                    hostAlloc[h].removeDouble(i);
                    alive[v] = false;
                    vmTable[v] = -1;
                    i--;
                }
            }
        }
    }

    /** The reference's time-shared over-subscribed CPU scheduler, then the host's and VMs' records. */
    private void recompute(int h, double t) {
        prevUtilMips[h] = utilMips[h];
        IntArrayList list = hostVms[h];
        BooleanArrayList in = hostIn[h];
        DoubleArrayList alloc = hostAlloc[h];
        double free = capacity[h];
        boolean over = false;
        for (int i = 0; i < list.size(); i++) {
            int v = list.getInt(i);
            double c = Math.min(demand[v], peMips[h]);
            boolean migratingIn = in.getBoolean(i);
            boolean migratingOut = inMigration[v] && !migratingIn;
            double need = migratingIn ? c * 0.1 : c;
            if (free >= need) {
                alloc.set(i, migratingOut ? c * 0.9 : migratingIn ? c * 0.1 : c);
                free -= need;
            } else {
                double total = 0;
                for (int j = 0; j <= i; j++) {
                    int w = list.getInt(j);
                    double cj = Math.min(demand[w], peMips[h]);
                    total += in.getBoolean(j) ? cj * 0.1 : cj;
                }
                double scale = capacity[h] / total;
                for (int j = 0; j <= i; j++) {
                    int w = list.getInt(j);
                    double cj = Math.min(demand[w], peMips[h]);
                    double a;
                    if (in.getBoolean(j)) {
                        a = cj * 0.1 * scale;
                    } else if (inMigration[w]) {
                        a = cj * scale * 0.9;
                    } else {
                        a = cj * scale;
                    }
                    alloc.set(j, Math.floor(a));
                }
                free = 0;
                over = true;
            }
        }
        hostFree[h] = free;
        double allocated = 0;
        double requested = 0;
        for (int i = 0; i < list.size(); i++) {
            int v = list.getInt(i);
            double a = alloc.getDouble(i);
            if (!in.getBoolean(i)) {
                vmRecord(v, t, a, demand[v], inMigration[v]);
                if (inMigration[v]) {
                    a /= 0.9;    // the reference counts the 10 % a migrating VM loses as used on its source
                }
            }
            allocated += a;
            requested += demand[v];
        }
        utilMips[h] = allocated;
        hostRecord(h, t, allocated, requested, allocated > 0, over);
    }

    /** @param over the VMs asked the CPU scheduler for more than the host's capacity (it scaled them down) */
    private void hostRecord(int h, double t, double allocated, double requested, boolean active, boolean over) {
        if (recTime[h] >= 0 && recTime[h] != t && recActive[h]) {
            double dt = t - recTime[h];
            activeTime += dt;
            secondsOn[h] += dt;
            if (recAlloc[h] < recReq[h]) {
                violationTime += dt;
            }
            if (recOver[h]) {
                overCapacityTime += dt;
                everOver[h] = true;
            }
        }
        recTime[h] = t;
        recAlloc[h] = allocated;
        recReq[h] = requested;
        recActive[h] = active;
        recOver[h] = over;
    }

    private void vmRecord(int v, double t, double allocated, double requested, boolean migratingOut) {
        if (vRecTime[v] >= 0 && vRecTime[v] != t) {
            double dt = t - vRecTime[v];
            requestedMipsSeconds += vRecReq[v] * dt;
            if (vRecAlloc[v] < vRecReq[v] && vRecOut[v]) {
                migrationShortfallMipsSeconds += (vRecReq[v] - vRecAlloc[v]) * dt;
            }
        }
        vRecTime[v] = t;
        vRecAlloc[v] = allocated;
        vRecReq[v] = requested;
        vRecOut[v] = migratingOut;
    }

    private void startMigration(int v, int to, double t, int step) {
        inMigration[v] = true;
        lastMoved[v] = step;
        migrations++;    // counted at the start, as the reference does
        IntArrayList list = hostVms[to];
        for (int i = 0; i < list.size(); i++) {
            if (list.getInt(i) == v && hostIn[to].getBoolean(i)) {
                return;
            }
        }
        list.add(v);
        hostIn[to].add(true);
        hostAlloc[to].add(0);
        recompute(to, t);
        recompute(vmTable[v], t);
    }

    /**
     * Completions in time order, ties in start order. At each distinct time: a full update (with energy),
     * then every migration ending then, then a second update without energy.
     */
    private void completeMigrations(List<double[]> completions) {
        completions.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[3], b[3]));
        int i = 0;
        while (i < completions.size()) {
            double time = completions.get(i)[0];
            update(time, false);
            while (i < completions.size() && completions.get(i)[0] == time) {
                double[] c = completions.get(i++);
                finishMigration((int) c[1], (int) c[2]);
            }
            update(time, false);
        }
    }

    private void finishMigration(int v, int to) {
        int from = vmTable[v];
        if (from >= 0) {
            removeEntry(from, v, false);
        }
        removeEntry(to, v, true);
        hostVms[to].add(v);
        hostIn[to].add(false);
        hostAlloc[to].add(Math.min(demand[v], peMips[to]));
        vmTable[v] = to;
        inMigration[v] = false;
    }

    private void removeEntry(int h, int v, boolean migratingIn) {
        IntArrayList list = hostVms[h];
        for (int i = 0; i < list.size(); i++) {
            if (list.getInt(i) == v && hostIn[h].getBoolean(i) == migratingIn) {
                list.removeInt(i);
                hostIn[h].removeBoolean(i);
                hostAlloc[h].removeDouble(i);
                return;
            }
        }
    }

    private Snapshot snapshot(double t, int step) {
        int h = hosts.size();
        int v = vms.size();
        int[][] lists = new int[h][];
        double[] util = new double[h];
        double[] allocated = new double[v];
        HostState[] states = new HostState[h];
        Arrays.fill(states, HostState.ON);
        for (int i = 0; i < h; i++) {
            lists[i] = hostVms[i].toIntArray();
            util[i] = utilization(utilMips[i], capacity[i]);
            for (int j = 0; j < lists[i].length; j++) {
                allocated[lists[i][j]] = hostAlloc[i].getDouble(j);
            }
        }
        double[][] hist = new double[v][];
        for (int i = 0; i < v; i++) {
            hist[i] = alive[i] ? Arrays.copyOf(history[i], historyLength[i]) : new double[0];
        }
        return Snapshot.builder(t, step)
                .model(hosts, vms, Constraints.REFERENCE_RUNNING)
                .hosts(states, lists, util, hostFree.clone(), new int[h])
                .vms(vmTable.clone(), inMigration.clone(), demand.clone(), allocated, hist, lastMoved.clone())
                .build();
    }
}
