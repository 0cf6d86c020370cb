package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The pool object (there is one per pool): its master, whether the pool's own Workload Balancing is on
 * ({@code wlb_enabled}; a second balancer should then stand back), and its other_config, where clients
 * keep small shared state such as a lease.
 */
public record PoolRecord(Ref ref, String uuid, String nameLabel, Ref master, boolean wlbEnabled,
                         Map<String, String> otherConfig) {

    public static PoolRecord from(Ref ref, JsonNode r) {
        return new PoolRecord(ref, Wire.string(r, "uuid"), Wire.string(r, "name_label"), Wire.ref(r, "master"),
                Wire.bool(r, "wlb_enabled"), Map.copyOf(Wire.stringMap(r, "other_config")));
    }
}
