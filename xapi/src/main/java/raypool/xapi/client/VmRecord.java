package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The VM fields a balancer reads. {@code residentOn} is {@link Ref#NULL} for a VM that is not running.
 * Templates, snapshots and control domains (dom0) are VMs too in XAPI; {@link #isMovableGuest()} tells
 * the ones a balancer may migrate. {@code tags} and {@code otherConfig} are where administrators and
 * tools (Xen Orchestra among them) mark VMs, for instance to exclude them from balancing.
 */
public record VmRecord(Ref ref, String uuid, String nameLabel, String powerState, Ref residentOn,
                       boolean isTemplate, boolean isControlDomain, boolean isSnapshot, long memoryStaticMax,
                       long vcpusMax, Ref metrics, List<String> tags, Map<String, String> otherConfig) {

    public static VmRecord from(Ref ref, JsonNode r) {
        return new VmRecord(ref, Wire.string(r, "uuid"), Wire.string(r, "name_label"),
                Wire.string(r, "power_state"), Wire.ref(r, "resident_on"), Wire.bool(r, "is_a_template"),
                Wire.bool(r, "is_control_domain"), Wire.bool(r, "is_a_snapshot"),
                Wire.int64(r, "memory_static_max"), Wire.int64(r, "VCPUs_max"), Wire.ref(r, "metrics"),
                List.copyOf(Wire.strings(r, "tags")), Map.copyOf(Wire.stringMap(r, "other_config")));
    }

    public boolean isMovableGuest() {
        return !isTemplate && !isControlDomain && !isSnapshot && "Running".equals(powerState);
    }
}
