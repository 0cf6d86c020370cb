package raypool.xapi.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the stand: hosts with their control domains, and guests sized by their kind of load and
 * placed with a skew towards the first hosts, so that a fresh stand has something to balance.
 */
final class StandBuilder {
    /** Memory held by each host's control domain (dom0), not available to guests. */
    static final long CONTROL_DOMAIN_BYTES = 4 * SimConfig.GIB;

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
            SimVm dom0 = new SimVm(ids.ref(), ids.uuid(), "Control domain on host: " + h.name, 16,
                    CONTROL_DOMAIN_BYTES, true, -1, ids.ref(), ids.uuid(), false, "Running", h.ref);
            vms.put(dom0.ref, dom0);
            h.residentVms.add(dom0.ref);
        }
        List<SimHost> order = new ArrayList<>(hosts.values());
        SplittableRandom placement = new SplittableRandom(config.seed() * 31 + 7);
        for (int i = 0; i < config.vms(); i++) {
            String kind = workload.kind(i);
            int vcpus = switch (kind) {
                case "idle" -> 1 + placement.nextInt(2);
                case "web" -> 2 << placement.nextInt(2);
                case "database" -> 4 << placement.nextInt(2);
                case "batch" -> 8 << placement.nextInt(2);
                default -> 1 << placement.nextInt(3);
            };
            long memory = switch (kind) {
                case "idle" -> (2L + placement.nextInt(3)) * SimConfig.GIB;
                case "web" -> (4L + 2 * placement.nextInt(3)) * SimConfig.GIB;
                case "database" -> (16L + 8 * placement.nextInt(3)) * SimConfig.GIB;
                case "batch" -> (8L + 4 * placement.nextInt(3)) * SimConfig.GIB;
                default -> (2L << placement.nextInt(3)) * SimConfig.GIB;
            };
            // the last guest is halted and the one before it has a local disk, so that
            // VM_BAD_POWER_STATE and VM_REQUIRES_SR have a natural cause in every stand
            boolean halted = config.vms() >= 2 && i == config.vms() - 1;
            boolean localDisk = config.vms() >= 3 && i == config.vms() - 2;
            SimHost target = halted ? null : pickHost(order, placement, memory);
            String name = String.format(Locale.ROOT, "vm-%02d-%s", i + 1, kind);
            SimVm vm = new SimVm(ids.ref(), ids.uuid(), name, vcpus, memory, false, i, ids.ref(), ids.uuid(),
                    localDisk, target == null ? "Halted" : "Running", target == null ? Records.NULL_REF : target.ref);
            vms.put(vm.ref, vm);
            if (target != null) {
                target.residentVms.add(vm.ref);
            }
        }
    }

    /** The first host by a geometric skew that has room, or null when none has: the guest stays halted. */
    private SimHost pickHost(List<SimHost> order, SplittableRandom r, long memory) {
        double u = r.nextDouble();
        int first = 0;
        double weight = 0.4;
        double acc = weight;
        while (u > acc && first < order.size() - 1) {
            first++;
            weight *= 0.75;
            acc += weight;
        }
        for (int k = 0; k < order.size(); k++) {
            SimHost h = order.get((first + k) % order.size());
            long used = h.residentVms.stream().mapToLong(ref -> vms.get(ref).memoryBytes).sum();
            if (h.memoryBytes - used >= memory) {
                return h;
            }
        }
        return null;
    }
}
