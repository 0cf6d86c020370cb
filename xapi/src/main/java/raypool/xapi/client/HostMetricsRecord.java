package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;

/** host_metrics: memory in bytes, and whether the host is live (heartbeating). */
public record HostMetricsRecord(Ref ref, String uuid, long memoryTotal, long memoryFree, boolean live) {

    public static HostMetricsRecord from(Ref ref, JsonNode r) {
        return new HostMetricsRecord(ref, Wire.string(r, "uuid"), Wire.int64(r, "memory_total"),
                Wire.int64(r, "memory_free"), Wire.bool(r, "live"));
    }
}
