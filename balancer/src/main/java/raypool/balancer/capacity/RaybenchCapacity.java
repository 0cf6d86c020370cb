package raypool.balancer.capacity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.PowerModel;
import raypool.balancer.trace.InputException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A host's CPU capacity from a raybench JSON result, so hosts with different CPUs are compared by what
 * they measurably compute rather than by core count. No production balancer does this.
 *
 * <p>The mapping, field by field:
 * <ul>
 *   <li>{@code mrays_per_s} (throughput over all {@code threads}) is the host's measured work rate. The
 *       balancer's CPU unit stays the reference experiment's MIPS so traces and baselines keep their
 *       meaning: capacity = mrays_per_s x {@code mipsPerMrayPerSecond}, a calibration constant (measure
 *       a reference host once, divide its known MIPS by its Mrays/s).</li>
 *   <li>{@code fps.median} is used, through {@code rays_per_frame}, when {@code mrays_per_s} is absent:
 *       Mrays/s = fps x rays_per_frame / 1e6.</li>
 *   <li>{@code host.logical_cpus} is the host's core count for VMs; {@code threads} is how many the run
 *       used. A run on fewer threads than the host has is extrapolated linearly (per-thread rate x
 *       logical CPUs), which flatters SMT hosts: run raybench on all threads for capacity planning.</li>
 *   <li>per-core MIPS = capacity / logical CPUs: a one-vCPU VM can use one of them at most.</li>
 *   <li>{@code host.cpu_model} names the host model. Memory, NIC and power curve are not measured by
 *       raybench and are given by the caller.</li>
 * </ul>
 */
public final class RaybenchCapacity {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RaybenchCapacity() {
    }

    /** What a raybench result says about a host's compute. */
    public record Measured(String cpuModel, int logicalCpus, int threads, double mraysPerSecond) {
        /** Whole-host Mrays/s, extrapolated when the run did not use every logical CPU. */
        public double hostMraysPerSecond() {
            return threads >= logicalCpus ? mraysPerSecond : mraysPerSecond / threads * logicalCpus;
        }
    }

    public static Measured read(Path json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json.toFile());
        } catch (IOException e) {
            throw new InputException(json, "not a readable raybench JSON result: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InputException(json, "not a raybench JSON result (expected an object)");
        }
        JsonNode host = root.path("host");
        int logical = host.path("logical_cpus").asInt(0);
        int threads = root.path("threads").asInt(logical);
        if (logical <= 0 || threads <= 0) {
            throw new InputException(json, "host.logical_cpus and threads must be positive");
        }
        double mrays = root.path("mrays_per_s").asDouble(0);
        if (mrays <= 0) {
            double fps = root.path("fps").path("median").asDouble(0);
            double raysPerFrame = root.path("rays_per_frame").asDouble(0);
            mrays = fps * raysPerFrame / 1e6;
        }
        if (mrays <= 0) {
            throw new InputException(json, "neither mrays_per_s nor fps.median x rays_per_frame gives a throughput");
        }
        return new Measured(host.path("cpu_model").asText("unknown CPU"), logical, threads, mrays);
    }

    /** A host whose CPU is what raybench measured, in the balancer's MIPS units. */
    public static HostSpec host(int id, Measured measured, double mipsPerMrayPerSecond, int ramMb, double nicMbps,
                                PowerModel power) {
        double capacity = measured.hostMraysPerSecond() * mipsPerMrayPerSecond;
        return new HostSpec(id, measured.cpuModel(), measured.logicalCpus(), capacity / measured.logicalCpus(), ramMb,
                nicMbps, power);
    }
}
