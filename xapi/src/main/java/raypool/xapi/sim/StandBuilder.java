package raypool.xapi.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Builds the stand: hosts with their control domains, and guests sized by their kind ({@link GuestKind})
 * and placed with a skew towards the first hosts ({@link #pickHost}), so that a fresh stand has
 * something to balance.
 *
 * <p>Memory headroom, as a pool is run: a host takes a guest only if it keeps free at least
 * {@link SimConfig#headroom()} of its memory and at least the largest guest of the stand, so that any
 * running guest can be live-migrated to any other host of a fresh stand, and a host can be emptied for
 * maintenance. A guest that fits nowhere under that rule is left halted. A headroom of 0 packs hosts
 * as full as memory allows.
 */
final class StandBuilder {
    /** Memory held by each host's control domain (dom0), not available to guests. */
    static final long CONTROL_DOMAIN_BYTES = 4 * SimConfig.GIB;
    /** vCPUs of each host's control domain. */
    static final int CONTROL_DOMAIN_VCPUS = 16;

    private record Guest(GuestKind kind, int vcpus, long memoryBytes) {
    }

    private final SimConfig config;
    private final Workload workload;
    private final SimIds ids;
    private final Map<String, SimHost> hosts;
    private final Map<String, SimVm> vms;

    StandBuilder(SimConfig config, Workload workload, SimIds ids, Map<String, SimHost> hosts, Map<String, SimVm> vms) {
        this.config = config;
        this.workload = workload;
        this.ids = ids;
        this.hosts = hosts;
        this.vms = vms;
    }

    void build(long nowMillis) {
        for (int i = 1; i <= config.hosts(); i++) {
            SimHost h = new SimHost(ids.ref(), ids.uuid(), "host-" + i, "127.0.0.1", config.threadsPerHost(),
                    config.memoryPerHostBytes(), ids.ref(), ids.uuid());
            h.metricsUpdatedMillis = nowMillis;
            hosts.put(h.ref, h);
            SimVm dom0 = new SimVm(ids, new SimVm.Spec("Control domain on host: " + h.name, CONTROL_DOMAIN_VCPUS,
                    CONTROL_DOMAIN_BYTES, true, -1, false), "Running", h.ref);
            vms.put(dom0.ref, dom0);
            h.residentVms.add(dom0.ref);
        }
        placeLicenceServer();
        SplittableRandom sizes = new SplittableRandom(config.seed() * 31 + 7);
        List<Guest> guests = new ArrayList<>();
        for (int i = 0; i < config.vms(); i++) {
            GuestKind kind = GuestKind.of(workload.kind(i));
            int vcpus = kind.vcpus(sizes);
            guests.add(new Guest(kind, vcpus, kind.memoryBytes(sizes)));
        }
        long largest = guests.stream().mapToLong(Guest::memoryBytes).max().orElse(0);
        long reserve = config.headroom() > 0
                ? Math.max(largest, (long) (config.headroom() * config.memoryPerHostBytes())) : 0;
        List<SimHost> order = new ArrayList<>(hosts.values());
        int[] placedVcpus = new int[order.size()];
        for (int i = 0; i < guests.size(); i++) {
            Guest g = guests.get(i);
            // the last guest is halted and the one before it has a local disk, so that
            // VM_BAD_POWER_STATE and VM_REQUIRES_SR have a natural cause in every stand
            boolean halted = config.vms() >= 2 && i == config.vms() - 1;
            boolean localDisk = config.vms() >= 3 && i == config.vms() - 2;
            Optional<SimHost> target = halted ? Optional.empty() : pickHost(order, placedVcpus, g.memoryBytes(), reserve);
            target.ifPresent(h -> placedVcpus[order.indexOf(h)] += g.vcpus());
            String name = String.format(Locale.ROOT, "vm-%02d-%s", i + 1, g.kind().label());
            SimVm vm = new SimVm(ids, new SimVm.Spec(name, g.vcpus(), g.memoryBytes(), false, i, localDisk),
                    target.isPresent() ? "Running" : "Halted", target.map(h -> h.ref).orElse(Records.NULL_REF));
            vms.put(vm.ref, vm);
            target.ifPresent(h -> h.residentVms.add(vm.ref));
        }
        annotate(order);
        // a second generator, so that adding interfaces left every other id of a seed as it was
        SimIds nics = new SimIds(config.seed() + 1);
        for (SimHost h : order) {
            h.pifRef = nics.ref();
            h.pifUuid = nics.uuid();
        }
    }

    /**
     * The licence server VM of every stand, placed before the guests on the last host (the least loaded
     * by the stand's skew), so that the guests' headroom rule counts it. Small, marked infrastructure in
     * other_config and never moved by the balancer. Its ids come from a generator of their own, so that
     * every other id of a seed is as it was before it existed.
     */
    private void placeLicenceServer() {
        SimHost host = new ArrayList<>(hosts.values()).getLast();
        SimVm vm = new SimVm(new SimIds(config.seed() + 4), new SimVm.Spec(SimPool.LICENCE_SERVER_VM, 2, 2 * SimConfig.GIB,
                false, config.vms(), false), "Running", host.ref);
        vm.otherConfig.put(SimPool.INFRASTRUCTURE_KEY, "licence-server");
        vm.otherConfig.put("raypool-balancer-ignore", "true");
        vms.put(vm.ref, vm);
        host.residentVms.add(vm.ref);
    }

    /** What the configuration says of hosts and VMs by name: power-on modes, tags, other_config. */
    private void annotate(List<SimHost> order) {
        Map<String, SimHost> hostsByName = new java.util.LinkedHashMap<>();
        order.forEach(h -> hostsByName.put(h.name, h));
        for (String name : config.powerOnModes().keySet()) {
            if (!hostsByName.containsKey(name)) {
                throw new IllegalArgumentException("power-on mode for '" + name + "': no such host (" + hostsByName.keySet() + ")");
            }
        }
        for (int i = 0; i < order.size(); i++) {
            SimHost h = order.get(i);
            String fallback = i == order.size() - 1 && order.size() > 1 ? "" : "wake-on-lan";
            h.powerOnMode = config.powerOnModes().getOrDefault(h.name, fallback);
        }
        Map<String, SimVm> vmsByName = new java.util.LinkedHashMap<>();
        vms.values().forEach(v -> vmsByName.put(v.name, v));
        config.vmTags().forEach((name, tags) -> vm(vmsByName, name).tags.addAll(tags));
        config.vmOtherConfig().forEach((name, entries) -> vm(vmsByName, name).otherConfig.putAll(entries));
    }

    private static SimVm vm(Map<String, SimVm> byName, String name) {
        SimVm vm = byName.get(name);
        if (vm == null) {
            throw new IllegalArgumentException("no VM named '" + name + "' in the stand (vm-01-..., vm-"
                    + String.format(Locale.ROOT, "%02d", byName.size()) + "-...)");
        }
        return vm;
    }

    /**
     * The host furthest below its share of the stand's vCPUs that keeps {@code reserve} free after taking
     * the guest; empty when none does. The shares fall geometrically (host 1 is meant to carry a third
     * more than host 2, and so on: 37 %, 28 %, 21 %, 14 % of four), which leaves the first hosts the most
     * loaded, the skew a balancer is there to undo.
     */
    private Optional<SimHost> pickHost(List<SimHost> order, int[] placedVcpus, long memory, long reserve) {
        SimHost best = null;
        double bestFill = Double.MAX_VALUE;
        double share = 1;
        for (int k = 0; k < order.size(); k++, share *= 0.75) {
            SimHost h = order.get(k);
            long used = h.residentVms.stream().mapToLong(ref -> vms.get(ref).memoryBytes).sum();
            double fill = placedVcpus[k] / share;
            if (h.memoryBytes - used - memory >= reserve && fill < bestFill) {
                best = h;
                bestFill = fill;
            }
        }
        return Optional.ofNullable(best);
    }
}
