package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The host fields a balancer reads. {@code cpuCount} comes from cpu_info's "cpu_count" (threads).
 * {@code powerOnMode} is how host.power_on reaches the host ("wake-on-lan", "iLO", "DRAC", ...); empty
 * when it cannot be powered on remotely, so it should not be powered off by a balancer either.
 */
public record HostRecord(Ref ref, String uuid, String nameLabel, String address, boolean enabled,
                         Ref metrics, List<Ref> residentVms, int cpuCount, Map<String, String> licenseParams,
                         String powerOnMode) {

    public static HostRecord from(Ref ref, JsonNode r) {
        Map<String, String> cpuInfo = Wire.stringMap(r, "cpu_info");
        return new HostRecord(ref, Wire.string(r, "uuid"), Wire.string(r, "name_label"),
                Wire.string(r, "address"), Wire.bool(r, "enabled"), Wire.ref(r, "metrics"),
                Wire.refs(r, "resident_VMs"), Integer.parseInt(cpuInfo.getOrDefault("cpu_count", "0")),
                Map.copyOf(Wire.stringMap(r, "license_params")), r.path("power_on_mode").asText(""));
    }
}
