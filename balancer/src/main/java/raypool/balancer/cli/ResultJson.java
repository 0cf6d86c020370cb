package raypool.balancer.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import raypool.balancer.capacity.FleetFile;
import raypool.balancer.capacity.RaybenchCapacity;
import raypool.balancer.model.Fleet;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.PowerModel;
import raypool.balancer.sim.ReplayResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The replay's JSON, with the field names design.md fixes. */
final class ResultJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    /** A replay on the reference experiment's hosts. */
    static ObjectNode toJson(ReplayResult r) {
        List<HostSpec> hosts = Fleet.referenceHosts(r.hosts());
        return toJson(r, referenceFleet(hosts), hosts);
    }

    /** @param fleet its groups named as the hosts' models; each gains the hours its hosts drew power */
    static ObjectNode toJson(ReplayResult r, ObjectNode fleet, List<HostSpec> hosts) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("policy", r.policy());
        o.put("rules", r.rules());
        o.put("trace_dir", r.traceDir());
        o.put("hosts", r.hosts());
        o.put("vms", r.vms());
        o.put("energy_kwh", r.energyKwh());
        o.put("slatah", r.slatah());
        o.put("pdm", r.pdm());
        o.put("slav", r.slav());
        o.put("esv", r.esv());
        o.put("migrations", r.migrations());
        ObjectNode d = o.putObject("decision_ms");
        d.put("p50", r.decisionMs().p50());
        d.put("p99", r.decisionMs().p99());
        d.put("max", r.decisionMs().max());
        o.put("wall_s", r.wallS());
        o.put("energy_lower_bound_kwh", r.energyLowerBoundKwh());
        if (r.energyVsBound().isPresent()) {
            o.put("energy_vs_bound", r.energyVsBound().getAsDouble());
        } else {
            o.putNull("energy_vs_bound");    // no demand all day: a bound of 0, no ratio
        }
        o.put("hosts_over_capacity", r.hostsOverCapacity());
        o.put("host_hours_over_capacity", r.hostHoursOverCapacity());
        ObjectNode placed = o.putObject("placed_vms_per_host");
        r.placedVmsPerHost().forEach((vms, count) -> placed.put(Integer.toString(vms), count));
        Map<String, Double> hoursOn = new LinkedHashMap<>();
        double[] byHost = r.hoursOnByHost();
        for (int h = 0; h < hosts.size() && h < byHost.length; h++) {
            hoursOn.merge(hosts.get(h).model(), byHost[h], Double::sum);
        }
        ObjectNode withHours = fleet.deepCopy();
        for (var group : withHours.path("groups")) {
            ((ObjectNode) group).put("host_hours_on", hoursOn.getOrDefault(group.path("name").asText(), 0.0));
        }
        o.set("fleet", withHours);
        return o;
    }

    /** The reference experiment's hosts, grouped by model. */
    static ObjectNode referenceFleet(List<HostSpec> hosts) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("source", "reference experiment");
        f.put("cpu_capacity", "reference");
        ArrayNode groups = f.putArray("groups");
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, HostSpec> first = new LinkedHashMap<>();
        for (HostSpec h : hosts) {
            counts.merge(h.model(), 1, Integer::sum);
            first.putIfAbsent(h.model(), h);
        }
        first.forEach((model, h) -> {
            ObjectNode g = groups.addObject();
            g.put("name", model);
            g.put("count", counts.get(model));
            g.put("threads", h.cores());
            g.put("mips_per_thread", h.peMips());
            g.put("capacity_mips", h.capacityMips());
            g.put("memory_gib", h.ramMb() / 1024.0);
            putPower(g, h.power());
        });
        return f;
    }

    /** A fleet file's groups: where each capacity came from, what was measured and what the planner was told. */
    static ObjectNode measuredFleet(FleetFile.MeasuredFleet fleet, FleetFile.Capacity capacity) {
        ObjectNode f = MAPPER.createObjectNode();
        f.put("source", fleet.file().toString());
        f.put("cpu_capacity", capacity.name().toLowerCase(Locale.ROOT));
        f.put("average_thread_mips", RaybenchCapacity.AVERAGE_THREAD_MIPS);
        f.put("mips_per_frame_per_s", fleet.calibration().mipsPerFramePerSecond());
        ArrayNode groups = f.putArray("groups");
        for (FleetFile.Group group : fleet.groups()) {
            RaybenchCapacity.Measured m = group.measured();
            ObjectNode g = groups.addObject();
            g.put("name", group.name());
            g.put("count", group.count());
            g.put("raybench", group.raybench());
            g.put("raybench_file", m.file().toString());
            g.put("cpu_model", m.cpuModel());
            g.put("logical_cpus", m.logicalCpus());
            g.put("kernel_isa", m.kernelIsa());
            g.put("workload", m.workload());
            g.put("threads", m.threads());
            g.put("frames_per_s", m.framesPerSecond());
            g.put("speed_source", m.speedSource());
            g.put("frames_per_s_per_thread", m.threadSpeed());
            g.put("mips_per_thread", group.threadMips());
            g.put("capacity_mips", group.capacityMips());
            double planned = capacity == FleetFile.Capacity.THREADS ? RaybenchCapacity.AVERAGE_THREAD_MIPS : group.threadMips();
            g.put("planned_mips_per_thread", planned);
            g.put("planned_capacity_mips", planned * m.threads());
            g.put("memory_gib", group.memoryGib());
            putPower(g, group.power());
        }
        return f;
    }

    private static void putPower(ObjectNode g, PowerModel power) {
        ArrayNode watts = g.putArray("power_watts");
        for (double w : power.points()) {
            watts.add(w);
        }
    }

    static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
