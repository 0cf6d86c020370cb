package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;

/** VM_metrics: the memory the domain actually holds (bytes) and its vCPU count. */
public record VmMetricsRecord(Ref ref, String uuid, long memoryActual, long vcpusNumber) {

    public static VmMetricsRecord from(Ref ref, JsonNode r) {
        return new VmMetricsRecord(ref, Wire.string(r, "uuid"), Wire.int64(r, "memory_actual"),
                Wire.int64(r, "VCPUs_number"));
    }
}
