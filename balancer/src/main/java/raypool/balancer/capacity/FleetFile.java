package raypool.balancer.capacity;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.PowerModel;
import raypool.balancer.trace.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A heterogeneous fleet for {@code balancer replay --fleet FILE}:
 * <pre>
 * {"groups": [{"name": "xeon-2t", "count": 400, "raybench": "xeon.json", "memory_gib": 64,
 *              "power_watts": [93.7, 135]}, ...]}
 * </pre>
 * {@code raybench} is a raybench result, relative to the fleet file; each host of the group has the
 * CPU that result measured ({@link RaybenchCapacity}). {@code power_watts} is 2 points (idle, max: linear
 * between) or 11 (0 %, 10 %, ..., 100 %), never falling; raybench does not measure power, so it is given.
 * Memory is {@code memory_gib} GiB; the migration NIC is the reference's 1 Gbit/s.
 *
 * <p>Host ids interleave the groups in proportion to their counts (two equal groups alternate, as the
 * reference's G4 and G5 do), because placement breaks ties by lowest id and a fleet listed group by
 * group would hand the first group every tie.
 *
 * <p>Every problem is one line naming the file and the field ({@code groups[1].count: ...}): missing
 * fields, wrong types, unknown keys, a count under 1, a power curve of other than 2 or 11 points or one
 * that falls, a raybench result missing, unreadable or unverified, results measured on different scenes,
 * sizes, kernels or row policies.
 */
public final class FleetFile {
    /** The migration NIC every fleet host gets, Mbit/s: the reference's. */
    public static final double NIC_MBPS = 1000;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Set<String> TOP_KEYS = Set.of("groups");
    private static final List<String> GROUP_KEYS = List.of("name", "count", "raybench", "memory_gib", "power_watts");

    private FleetFile() {
    }

    /** How the planner is told each host's CPU; the simulated hosts always have their measured CPU. */
    public enum Capacity {
        /** Every thread worth what raybench measured for its host. */
        MEASURED,
        /** Every thread worth the same, as balancers that count threads assume. */
        THREADS
    }

    /**
     * One group of identical hosts.
     *
     * @param raybench the result's path as the fleet file gives it
     */
    public record Group(String name, int count, String raybench, RaybenchCapacity.Measured measured,
                        double memoryGib, int ramMb, PowerModel power, double threadMips) {
        public double capacityMips() {
            return threadMips * measured.threads();
        }
    }

    /** A parsed fleet: its groups and the calibration that turned their speeds into MIPS. */
    public record MeasuredFleet(Path file, List<Group> groups, RaybenchCapacity.Calibration calibration) {
        public MeasuredFleet {
            groups = List.copyOf(groups);
        }

        /** The hosts as they are: each thread at its measured MIPS. */
        public List<HostSpec> hosts() {
            return build(false);
        }

        /** The same hosts as a thread-counting balancer describes them: every thread at the average MIPS. */
        public List<HostSpec> threadCountHosts() {
            return build(true);
        }

        public List<HostSpec> hosts(Capacity capacity) {
            return capacity == Capacity.THREADS ? threadCountHosts() : hosts();
        }

        /** Which group each host id belongs to, in id order (see the class comment). */
        public int[] groupOfHost() {
            int total = groups.stream().mapToInt(Group::count).sum();
            int[] assigned = new int[groups.size()];
            int[] order = new int[total];
            for (int id = 0; id < total; id++) {
                int best = -1;
                for (int g = 0; g < groups.size(); g++) {
                    if (assigned[g] < groups.get(g).count() && (best < 0
                            || (assigned[g] + 1.0) / groups.get(g).count() < (assigned[best] + 1.0) / groups.get(best).count())) {
                        best = g;
                    }
                }
                order[id] = best;
                assigned[best]++;
            }
            return order;
        }

        private List<HostSpec> build(boolean countThreads) {
            int[] order = groupOfHost();
            List<HostSpec> hosts = new ArrayList<>(order.length);
            for (int id = 0; id < order.length; id++) {
                Group g = groups.get(order[id]);
                double mips = countThreads ? RaybenchCapacity.AVERAGE_THREAD_MIPS : g.threadMips();
                hosts.add(new HostSpec(id, g.name(), g.measured().threads(), mips, g.ramMb(), NIC_MBPS, g.power()));
            }
            return List.copyOf(hosts);
        }
    }

    public static MeasuredFleet read(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw line > 0 ? new InputException(file, line, "not valid JSON: " + e.getOriginalMessage())
                    : new InputException(file, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException(file, "cannot read the fleet file: " + RaybenchCapacity.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new InputException(file, "a fleet file is a JSON object {\"groups\": [...]}");
        }
        unknownKeys(file, root, TOP_KEYS, "");
        JsonNode groupsNode = root.path("groups");
        if (!groupsNode.isArray() || groupsNode.isEmpty()) {
            throw new InputException(file, "groups: must be a non-empty array of host groups, got "
                    + shown(groupsNode));
        }
        Path dir = file.getParent() == null ? Path.of("") : file.getParent();
        List<String> names = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        List<RaybenchCapacity.Measured> measured = new ArrayList<>();
        List<Double> memory = new ArrayList<>();
        List<PowerModel> power = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < groupsNode.size(); i++) {
            String at = "groups[" + i + "]";
            JsonNode g = groupsNode.get(i);
            if (!g.isObject()) {
                throw new InputException(file, at + ": must be an object with " + GROUP_KEYS + ", got " + g);
            }
            unknownKeys(file, g, new HashSet<>(GROUP_KEYS), at + ".");
            for (String key : GROUP_KEYS) {
                if (!g.has(key)) {
                    throw new InputException(file, at + "." + key + ": missing (a group needs " + GROUP_KEYS + ")");
                }
            }
            String name = string(file, g, at, "name");
            if (!seen.add(name)) {
                throw new InputException(file, at + ".name: '" + name + "' names an earlier group too");
            }
            names.add(name);
            JsonNode count = g.get("count");
            if (!count.isIntegralNumber() || !count.canConvertToInt()) {
                throw new InputException(file, at + ".count: must be an integer, got " + count);
            }
            if (count.asInt() < 1) {
                throw new InputException(file, at + ".count: must be at least 1, got " + count.asInt());
            }
            counts.add(count.asInt());
            JsonNode mem = g.get("memory_gib");
            if (!mem.isNumber() || !(mem.asDouble() > 0) || !Double.isFinite(mem.asDouble())
                    || mem.asDouble() * 1024 >= Integer.MAX_VALUE || Math.round(mem.asDouble() * 1024) < 1) {
                throw new InputException(file, at + ".memory_gib: must be a number of GiB above 0 (at least 1 MiB), got " + mem);
            }
            memory.add(mem.asDouble());
            power.add(power(file, g.get("power_watts"), at + ".power_watts"));
            String path = string(file, g, at, "raybench");
            paths.add(path);
            try {
                measured.add(RaybenchCapacity.read(dir.resolve(path)));
            } catch (InputException e) {
                throw new InputException(file, at + ".raybench: " + e.getMessage());
            }
        }
        for (int i = 1; i < measured.size(); i++) {
            if (!measured.get(i).workload().equals(measured.getFirst().workload())) {
                throw new InputException(file, "groups[" + i + "].raybench: " + measured.get(i).file() + " measured "
                        + measured.get(i).workload() + ", but groups[0].raybench: " + measured.getFirst().file()
                        + " measured " + measured.getFirst().workload()
                        + "; speeds compare only on the same scene, size, kernel and policy");
            }
        }
        RaybenchCapacity.Calibration calibration = RaybenchCapacity.Calibration.averageThread(measured, counts);
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            groups.add(new Group(names.get(i), counts.get(i), paths.get(i), measured.get(i), memory.get(i),
                    (int) Math.round(memory.get(i) * 1024), power.get(i),
                    RaybenchCapacity.threadMips(measured.get(i), calibration)));
        }
        return new MeasuredFleet(file, groups, calibration);
    }

    private static void unknownKeys(Path file, JsonNode node, Set<String> known, String prefix) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new InputException(file, prefix + key + ": unknown key (expected "
                        + (prefix.isEmpty() ? known : GROUP_KEYS) + ")");
            }
        }
    }

    private static String string(Path file, JsonNode group, String at, String key) {
        JsonNode value = group.get(key);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new InputException(file, at + "." + key + ": must be a non-empty string, got " + value);
        }
        return value.asText();
    }

    private static PowerModel power(Path file, JsonNode node, String at) {
        if (!node.isArray()) {
            throw new InputException(file, at + ": must be an array of watts, [idle, max] or 11 points 0..100 %, got " + node);
        }
        double[] points = new double[node.size()];
        for (int i = 0; i < points.length; i++) {
            if (!node.get(i).isNumber()) {
                throw new InputException(file, at + "[" + i + "]: must be a number of watts, got " + node.get(i));
            }
            points[i] = node.get(i).asDouble();
        }
        try {
            return PowerModel.of(points);
        } catch (IllegalArgumentException e) {
            throw new InputException(file, at + ": " + e.getMessage());
        }
    }

    static String shown(JsonNode value) {
        return value.isMissingNode() ? "nothing (missing)" : value.toString();
    }
}
