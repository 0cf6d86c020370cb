package raypool.daemon;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import raypool.balancer.model.Constraints;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.HostState;
import raypool.balancer.model.PowerModel;
import raypool.balancer.model.Snapshot;
import raypool.balancer.model.VmSpec;
import raypool.daemon.capacity.MeasuredCapacity;

/**
 * Turns what the pool reports into the planner's {@link Snapshot}, keeping each VM's CPU history in
 * windows of pool time ({@link CpuHistory}) between rounds.
 *
 * <p>Units: a thread is {@value #MIPS_PER_THREAD} MIPS, or, with raybench results of the pool's hosts
 * ({@link MeasuredCapacity}), its measured speed in MIPS, the average measured thread being
 * {@value #MIPS_PER_THREAD}. A VM's MIPS are its vCPUs times its current host's thread MIPS (its load is a
 * share of that host's threads), and a host is modelled as one processing element of the threads its control domain leaves (dom0's load is
 * load no guest can use): the planner caps a VM at one PE, and a multi-vCPU VM must be able to use all
 * its vCPUs.
 *
 * <p>Host states: live, enabled, known and not excluded is ON; disabled is MAINTENANCE (never a
 * destination; the planner evacuates it); a standby host this daemon powered off, which the pool can
 * power on again, is OFF (the planner may ask for it); being powered on, BOOTING; anything else
 * (offline, excluded by a rule, metrics unknown) is EXCLUDED: never a destination, its VMs left alone.
 * A host is unknown when its own metrics or those of any VM on it could not be read: its load is then
 * not known, and no decision may rest on it.
 */
public final class SnapshotBuilder {
    public static final double MIPS_PER_THREAD = 1000;
    /** The migration network the planner prices migrations on (10 GbE, the original stand's). */
    public static final double NIC_MBPS = 10_000;
    /** Power does not steer performance mode; a generic two-socket server curve. */
    private static final PowerModel SERVER = new PowerModel(120, 150, 175, 200, 225, 250, 275, 300, 325, 350, 375);
    private static final long MIB = 1L << 20;

    private final CpuHistory history = new CpuHistory(Snapshot.HISTORY);
    private final int zeroCpuSamples;
    private final List<MeasuredCapacity.Result> measured;

    /**
     * @param zeroCpuSamples a running VM at exactly 0 % in at least this many samples of one read, every
     *                       one of them, is a misread (a real guest's vCPUs always run a little: timers,
     *                       its kernel); 0 turns the check off
     */
    public SnapshotBuilder(int zeroCpuSamples) {
        this(zeroCpuSamples, List.of());
    }

    /** @param measured raybench results of the pool's hosts (--capacity), matched to hosts every round */
    public SnapshotBuilder(int zeroCpuSamples, List<MeasuredCapacity.Result> measured) {
        this.zeroCpuSamples = zeroCpuSamples;
        this.measured = List.copyOf(measured);
    }

    /** A host as this round sees it, beyond what the planner's model holds. */
    public record HostView(PoolState.Host host, boolean master, Optional<String> unknown, Optional<String> excluded,
                           Optional<DaemonMemory.Phase> daemonPhase, double dom0Threads) {
    }

    /** A VM as this round sees it. */
    public record VmView(PoolState.Vm vm, Optional<String> unknown, PlacementRules.VmRule rule,
                         Optional<String> resting) {
    }

    /**
     * The snapshot and, by index, what it was built from.
     *
     * @param implausible metrics no real pool reports; when not empty the round must not act on this snapshot
     */
    public record Built(Snapshot snapshot, PoolState state, List<HostView> hosts, List<VmView> vms,
                        Map<String, Integer> hostIndex, Map<String, Integer> vmIndex, List<String> implausible,
                        MeasuredCapacity.Capacities capacities) {

        public List<HostView> unknownHosts() {
            return hosts.stream().filter(h -> h.unknown().isPresent()).toList();
        }

        public List<VmView> unknownVms() {
            return vms.stream().filter(v -> v.unknown().isPresent()).toList();
        }
    }

    public Built build(PoolState state, int round, DaemonMemory memory, Duration cooldown, PlacementRules rules) {
        long now = state.timeMillis();
        List<PoolState.Host> hostList = state.hosts();
        int hostCount = hostList.size();
        Map<String, Integer> hostIndex = new HashMap<>();
        for (int h = 0; h < hostCount; h++) {
            hostIndex.put(hostList.get(h).key(), h);
        }
        List<String> implausible = new ArrayList<>();
        MeasuredCapacity.Capacities capacities = MeasuredCapacity.match(measured, hostList);
        // VMs first: a host is only known when every VM on it is
        List<PoolState.Vm> vmList = new ArrayList<>();
        for (PoolState.Vm vm : state.vms()) {
            if (hostIndex.containsKey(vm.hostKey())) {
                vmList.add(vm);
            }
        }
        int n = vmList.size();
        boolean[] hostHasUnknownVm = new boolean[hostCount];
        List<VmView> vmViews = new ArrayList<>(n);
        for (PoolState.Vm vm : vmList) {
            Optional<String> unknown = vm.cpu().isEmpty()
                    ? Optional.of("no CPU sample of " + vm.name() + " could be read") : Optional.empty();
            if (unknown.isEmpty() && zeroCpuSamples > 0 && vm.cpu().size() >= zeroCpuSamples && vm.cpu().allZero()) {
                implausible.add("VM " + vm.name() + " reads exactly 0 % CPU in all " + vm.cpu().size()
                        + " samples: a running VM never does");
            }
            if (unknown.isPresent()) {
                hostHasUnknownVm[hostIndex.get(vm.hostKey())] = true;
            } else {
                history.add(vm.key(), vm.cpu());
            }
            vmViews.add(new VmView(vm, unknown, rules.forVm(vm), memory.resting(vm.key(), now, cooldown)));
        }
        List<HostSpec> hosts = new ArrayList<>(hostCount);
        HostState[] hostState = new HostState[hostCount];
        List<HostView> hostViews = new ArrayList<>(hostCount);
        for (int h = 0; h < hostCount; h++) {
            PoolState.Host host = hostList.get(h);
            Optional<DaemonMemory.Phase> phase = Optional.ofNullable(memory.powered().get(host.key()))
                    .map(DaemonMemory.PoweredHost::phase);
            boolean master = host.key().equals(state.pool().masterKey());
            Optional<String> unknown = Optional.empty();
            if (host.live()) {
                if (host.threads() <= 0) {
                    implausible.add("host " + host.name() + " reads " + host.threads() + " CPUs");
                }
                if (host.metricsProblem().isPresent()) {
                    unknown = host.metricsProblem();
                } else if (host.cpu().isEmpty()) {
                    unknown = Optional.of("no CPU sample of host " + host.name() + " could be read");
                } else if (hostHasUnknownVm[h]) {
                    unknown = Optional.of("the load of some VM on host " + host.name() + " is unknown");
                }
            }
            Optional<String> excluded = rules.hostExcluded(host);
            double dom0 = host.dom0Threads().isEmpty() ? 0 : Math.max(0, host.dom0Threads().mean());
            int ramMb = (int) Math.max(1, host.guestMemoryBytes() / MIB);
            double threadsForGuests = Math.max(1, host.threads() - dom0);
            double threadMips = capacities.of(host.key()).threadMips();
            hosts.add(new HostSpec(h, host.name(), 1, threadsForGuests * threadMips, ramMb, NIC_MBPS, SERVER));
            hostState[h] = state(host, master, unknown, excluded, phase);
            hostViews.add(new HostView(host, master, unknown, excluded, phase, dom0));
        }
        Map<String, Integer> vmIndex = new HashMap<>();
        List<VmSpec> vms = new ArrayList<>(n);
        int[] vmHost = new int[n];
        boolean[] migrating = new boolean[n];
        double[] demand = new double[n];
        double[][] hist = new double[n][];
        int[] lastMoved = new int[n];
        List<List<Integer>> onHost = new ArrayList<>();
        for (int h = 0; h < hostCount; h++) {
            onHost.add(new ArrayList<>());
        }
        int[] incomingMb = new int[hostCount];
        for (int v = 0; v < n; v++) {
            VmView view = vmViews.get(v);
            PoolState.Vm vm = view.vm();
            vmIndex.put(vm.key(), v);
            double mips = Math.max(1, vm.vcpus()) * capacities.of(vm.hostKey()).threadMips();
            int ramMb = (int) Math.max(1, vm.memoryBytes() / MIB);
            int h = hostIndex.get(vm.hostKey());
            // a VM whose load is unknown, or whose rules say so, is never moved (its host is excluded too)
            boolean excluded = view.unknown().isPresent() || view.rule().excluded().isPresent();
            vms.add(new VmSpec(v, vm.name(), mips, ramMb, view.rule().affinity(), view.rule().antiAffinity(),
                    excluded));
            vmHost[v] = h;
            onHost.get(h).add(v);
            DaemonMemory.InFlight flying = memory.inFlight().get(vm.key());
            migrating[v] = vm.operation().isPresent() || flying != null;
            hist[v] = view.unknown().isPresent() ? new double[0] : history.windows(vm.key(), now);
            // an unknown load is taken at its most (the host is excluded, but its figures should not flatter it)
            demand[v] = hist[v].length == 0 ? mips : hist[v][0] * mips;
            // resting (cooldown, hold, in flight): the planner sees "moved this round", so its own
            // cooldown of one round keeps the VM put; the rule itself is DaemonMemory.resting
            lastMoved[v] = view.resting().isPresent() ? round : Integer.MIN_VALUE / 2;
            if (flying != null && hostIndex.containsKey(flying.to()) && !flying.to().equals(vm.hostKey())) {
                incomingMb[hostIndex.get(flying.to())] += ramMb;
            }
        }
        int[][] hostVms = new int[hostCount][];
        double[] utilisation = new double[hostCount];
        double[] freeMips = new double[hostCount];
        for (int h = 0; h < hostCount; h++) {
            hostVms[h] = onHost.get(h).stream().mapToInt(Integer::intValue).toArray();
            double sum = 0;
            long usedMb = 0;
            for (int v : hostVms[h]) {
                sum += demand[v];
                usedMb += vms.get(v).ramMb();
            }
            double capacity = hosts.get(h).capacityMips();
            utilisation[h] = Math.min(1, sum / capacity);
            freeMips[h] = Math.max(0, capacity - sum);
            if (hostList.get(h).live()) {
                // memory the pool says is taken beyond the resident guests: reservations for incoming
                // migrations we did not start (another tool, an administrator, before a restart)
                long unaccounted = hosts.get(h).ramMb() - usedMb - hostList.get(h).freeMemoryBytes() / MIB;
                incomingMb[h] = (int) Math.max(incomingMb[h], Math.max(0, unaccounted));
            }
        }
        history.retain(vmIndex.keySet());
        Snapshot snapshot = Snapshot.builder(now / 1000.0, round)
                .model(List.copyOf(hosts), List.copyOf(vms), Constraints.RAYPOOL)
                .hosts(hostState, hostVms, utilisation, freeMips, incomingMb)
                .vms(vmHost, migrating, demand, demand.clone(), hist, lastMoved)
                .build();
        // views over lists and maps made here and never changed: no copies of 1,000-entry maps every round
        return new Built(snapshot, state, Collections.unmodifiableList(hostViews),
                Collections.unmodifiableList(vmViews), Collections.unmodifiableMap(hostIndex),
                Collections.unmodifiableMap(vmIndex), List.copyOf(implausible), capacities);
    }

    private static HostState state(PoolState.Host host, boolean master, Optional<String> unknown,
                                   Optional<String> excluded, Optional<DaemonMemory.Phase> phase) {
        if (phase.isPresent() && !host.live()) {
            // a standby host of ours: the planner may ask for it if the pool can power it on
            return phase.get() == DaemonMemory.Phase.BOOTING ? HostState.BOOTING
                    : !host.powerOnMode().isEmpty() && !master ? HostState.OFF : HostState.EXCLUDED;
        }
        if (!host.live() || unknown.isPresent() || excluded.isPresent()
                || phase.filter(p -> p != DaemonMemory.Phase.BOOTING).isPresent()) {
            return HostState.EXCLUDED;
        }
        if (!host.enabled()) {
            // disabled by an administrator, or booted by us and not yet enabled again
            return phase.isPresent() ? HostState.EXCLUDED : HostState.MAINTENANCE;
        }
        return HostState.ON;
    }
}
