package raypool.balancer.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import raypool.balancer.model.Constraints;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.HostState;
import raypool.balancer.model.PowerModel;
import raypool.balancer.model.Snapshot;
import raypool.balancer.model.VmSpec;

/**
 * Turns what the pool reports into the planner's {@link Snapshot}, keeping each VM's CPU history (one
 * sample per round, newest first) between rounds.
 *
 * <p>Units: a thread is {@value #MIPS_PER_THREAD} MIPS. A VM's MIPS are its vCPUs times that, and a
 * host is modelled as one processing element of all its threads: the planner caps a VM at one PE, and
 * a multi-vCPU VM must be able to use all its vCPUs. Host states: offline is EXCLUDED (never a
 * destination, its VMs are left alone), disabled is MAINTENANCE (never a destination; the planner
 * evacuates it), live and enabled is ON.
 */
public final class SnapshotBuilder {
    public static final double MIPS_PER_THREAD = 1000;
    /** The migration network the planner prices migrations on (10 GbE, the original stand's). */
    public static final double NIC_MBPS = 10_000;
    /** Power does not steer performance mode; a generic two-socket server curve. */
    private static final PowerModel SERVER = new PowerModel(120, 150, 175, 200, 225, 250, 275, 300, 325, 350, 375);
    private static final long MIB = 1L << 20;

    private final Map<String, double[]> history = new HashMap<>();
    private final Map<String, Integer> historyLength = new HashMap<>();

    /** The indices of a snapshot's hosts and VMs, by pool key. */
    public record Built(Snapshot snapshot, PoolState state, List<PoolState.Host> hosts, List<PoolState.Vm> vms,
                        Map<String, Integer> hostIndex, Map<String, Integer> vmIndex) {
    }

    /**
     * @param lastMovedRound round at which each VM key last moved (absent: never)
     * @param held VM keys the planner must not move (refused by the pool recently)
     * @param inFlightTargets VM key to the host key it is migrating to, where known (reserves memory there)
     */
    public Built build(PoolState state, int round, Map<String, Integer> lastMovedRound, Set<String> held,
                       Map<String, String> inFlightTargets) {
        List<PoolState.Host> hostList = state.hosts();
        Map<String, Integer> hostIndex = new HashMap<>();
        List<HostSpec> hosts = new ArrayList<>(hostList.size());
        HostState[] hostState = new HostState[hostList.size()];
        for (int h = 0; h < hostList.size(); h++) {
            PoolState.Host host = hostList.get(h);
            hostIndex.put(host.key(), h);
            int ramMb = (int) Math.max(1, host.guestMemoryBytes() / MIB);
            hosts.add(new HostSpec(h, host.name(), 1, Math.max(1, host.threads()) * MIPS_PER_THREAD, ramMb, NIC_MBPS,
                    SERVER));
            hostState[h] = !host.live() ? HostState.EXCLUDED : !host.enabled() ? HostState.MAINTENANCE : HostState.ON;
        }
        List<PoolState.Vm> vmList = new ArrayList<>();
        for (PoolState.Vm vm : state.vms()) {
            if (hostIndex.containsKey(vm.hostKey())) {
                vmList.add(vm);
            }
        }
        int n = vmList.size();
        Map<String, Integer> vmIndex = new HashMap<>();
        List<VmSpec> vms = new ArrayList<>(n);
        int[] vmHost = new int[n];
        boolean[] migrating = new boolean[n];
        double[] demand = new double[n];
        double[][] hist = new double[n][];
        int[] lastMoved = new int[n];
        List<List<Integer>> onHost = new ArrayList<>();
        for (int h = 0; h < hostList.size(); h++) {
            onHost.add(new ArrayList<>());
        }
        int[] incomingMb = new int[hostList.size()];
        for (int v = 0; v < n; v++) {
            PoolState.Vm vm = vmList.get(v);
            vmIndex.put(vm.key(), v);
            double mips = Math.max(1, vm.vcpus()) * MIPS_PER_THREAD;
            int ramMb = (int) Math.max(1, vm.memoryBytes() / MIB);
            vms.add(new raypool.balancer.model.VmSpec(v, vm.name(), mips, ramMb, java.util.Optional.empty(),
                    java.util.Optional.empty(), held.contains(vm.key())));
            int h = hostIndex.get(vm.hostKey());
            vmHost[v] = h;
            onHost.get(h).add(v);
            migrating[v] = vm.operation().isPresent() || inFlightTargets.containsKey(vm.key());
            double cpu = Double.isNaN(vm.cpu()) ? 0 : Math.clamp(vm.cpu(), 0, 1);
            demand[v] = cpu * mips;
            hist[v] = record(vm.key(), cpu);
            Integer moved = lastMovedRound.get(vm.key());
            lastMoved[v] = moved == null ? Integer.MIN_VALUE / 2 : moved;
            String target = inFlightTargets.get(vm.key());
            if (target != null && hostIndex.containsKey(target) && !target.equals(vm.hostKey())) {
                incomingMb[hostIndex.get(target)] += ramMb;
            }
        }
        int[][] hostVms = new int[hostList.size()][];
        double[] utilisation = new double[hostList.size()];
        double[] freeMips = new double[hostList.size()];
        for (int h = 0; h < hostList.size(); h++) {
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
            // memory the pool says is taken beyond the resident guests: reservations for incoming
            // migrations we did not start (another daemon, an administrator, before a restart)
            long unaccounted = hosts.get(h).ramMb() - usedMb - hostList.get(h).freeMemoryBytes() / MIB;
            incomingMb[h] = (int) Math.max(incomingMb[h], Math.max(0, unaccounted));
        }
        // the history of VMs that left the pool is forgotten
        history.keySet().retainAll(vmIndex.keySet());
        historyLength.keySet().retainAll(vmIndex.keySet());
        Snapshot snapshot = new Snapshot(state.timeMillis() / 1000.0, round, List.copyOf(hosts), List.copyOf(vms),
                hostState, vmHost, migrating, demand, demand.clone(), hostVms, utilisation, freeMips, hist, lastMoved,
                incomingMb, Constraints.RAYPOOL);
        return new Built(snapshot, state, hostList, List.copyOf(vmList), hostIndex, vmIndex);
    }

    /** Pushes the newest sample into the VM's ring and returns the samples newest first. */
    private double[] record(String key, double cpu) {
        double[] ring = history.computeIfAbsent(key, k -> new double[Snapshot.HISTORY]);
        int length = historyLength.getOrDefault(key, 0);
        System.arraycopy(ring, 0, ring, 1, Snapshot.HISTORY - 1);
        ring[0] = cpu;
        length = Math.min(Snapshot.HISTORY, length + 1);
        historyLength.put(key, length);
        return java.util.Arrays.copyOf(ring, length);
    }
}
