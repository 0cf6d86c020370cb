package raypool.xapi.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the simulated objects as XAPI records. One function per class, so that every record of a
 * class carries the same fields (clients such as XenCenter deserialise into fixed types and fail on
 * a missing field). Ints are longs, which JSON-RPC writes as integer literals, as xapi does (rpclib's
 * Intlit: exact, even beyond 2^53; doc/content/xen-api/wire-protocol.md), and XML-RPC as decimal
 * strings; datetimes are {@link Instant}s, a string {@code 20240101T13:20:11Z} in JSON-RPC and a
 * {@code dateTime.iso8601} in XML-RPC; map keys are strings; absent references are OpaqueRef:NULL.
 */
final class Records {
    static final String NULL_REF = "OpaqueRef:NULL";

    private Records() {
    }

    static Map<String, Object> host(SimHost h, SimPool pool) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", h.uuid);
        r.put("name_label", h.name);
        r.put("name_description", "simulated host");
        r.put("allowed_operations", hostOperations(h));
        r.put("current_operations", Map.of());
        r.put("API_version_major", 2L);
        r.put("API_version_minor", 21L);
        r.put("API_version_vendor", "raypool simulated pool");
        r.put("software_version", Map.of("product_brand", "XenServer", "product_version", "8.4.0",
                "platform_name", "XCP", "xapi", "24.19", "build_number", "sim"));
        r.put("enabled", h.enabled);
        r.put("address", h.address);
        r.put("hostname", h.name);
        r.put("metrics", h.metricsRef);
        r.put("PIFs", List.of(h.pifRef));
        r.put("management_interface", h.pifRef);
        r.put("resident_VMs", List.copyOf(h.residentVms));
        r.put("cpu_info", Map.of("cpu_count", Integer.toString(h.threads), "socket_count", "2",
                "vendor", "GenuineIntel", "modelname", "Intel(R) Xeon(R) simulated", "speed", "2400.000"));
        r.put("memory_overhead", pool.controlDomainBytes());
        List<Map.Entry<String, String>> licence = new ArrayList<>(List.of(
                Map.entry("sku_type", pool.licences.of(h.ref).edition),
                Map.entry("expiry", pool.licences.expiryText(h.ref)),
                Map.entry("restrict_wlb", "false"),
                Map.entry("restrict_pooling", "false")));
        if (pool.config().repeatedLicenceKeys()) {
            // XCP-ng 8.3 repeats keys in this map; so does the simulated pool unless told otherwise
            licence.add(Map.entry("restrict_wlb", "false"));
        }
        r.put("license_params", new RepeatedKeyMap(licence));
        r.put("edition", "premium");
        r.put("license_server", Map.of("address", "localhost", "port", "27000"));
        r.put("other_config", Map.of());
        r.put("tags", List.of());
        r.put("power_on_mode", h.powerOnMode);
        r.put("power_on_config", h.powerOnConfig);
        r.put("suspend_image_sr", NULL_REF);
        r.put("crash_dump_sr", NULL_REF);
        return r;
    }

    static Map<String, Object> hostMetrics(SimHost h, SimPool pool) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", h.metricsUuid);
        r.put("memory_total", h.memoryBytes);
        r.put("memory_free", pool.freeMemory(h));
        r.put("live", h.live);
        r.put("last_updated", Instant.ofEpochMilli(h.metricsUpdatedMillis));
        r.put("other_config", Map.of());
        return r;
    }

    static Map<String, Object> vm(SimVm v, int domid) {
        Map<String, Object> r = new LinkedHashMap<>();
        long mem = v.memoryBytes;
        r.put("uuid", v.uuid);
        r.put("name_label", v.name);
        r.put("name_description", v.controlDomain ? "The domain which manages physical devices" : "simulated guest");
        r.put("allowed_operations", allowedOperations(v));
        r.put("current_operations", Map.copyOf(v.currentOperations));
        r.put("power_state", v.powerState);
        r.put("user_version", "1");
        r.put("is_a_template", false);
        r.put("is_default_template", false);
        r.put("is_a_snapshot", false);
        r.put("snapshot_of", NULL_REF);
        r.put("is_control_domain", v.controlDomain);
        r.put("resident_on", v.residentOn);
        r.put("scheduled_to_be_resident_on", NULL_REF);
        r.put("affinity", NULL_REF);
        r.put("memory_overhead", v.memoryBytes / 100);
        r.put("memory_target", mem);
        r.put("memory_static_max", v.memoryStaticMax);
        r.put("memory_dynamic_max", mem);
        r.put("memory_dynamic_min", mem);
        r.put("memory_static_min", v.memoryStaticMin);
        r.put("VCPUs_params", Map.of());
        r.put("VCPUs_max", (long) v.vcpusMax);
        r.put("VCPUs_at_startup", (long) v.vcpus);
        r.put("actions_after_shutdown", "destroy");
        r.put("actions_after_reboot", "restart");
        r.put("actions_after_crash", "restart");
        r.put("domid", (long) (v.running() ? domid : -1));
        r.put("domain_type", v.controlDomain ? "pv" : "hvm");
        r.put("HVM_boot_policy", v.controlDomain ? "" : "BIOS order");
        r.put("HVM_boot_params", v.controlDomain ? Map.of() : Map.of("order", "dc", "firmware", "bios"));
        r.put("PV_bootloader", "");
        r.put("platform", Map.of());
        r.put("metrics", v.metricsRef);
        r.put("guest_metrics", NULL_REF);
        r.put("ha_restart_priority", "");
        r.put("other_config", new LinkedHashMap<>(v.otherConfig));
        r.put("tags", new ArrayList<>(v.tags));
        return r;
    }

    /**
     * A host's allowed_operations by xapi's rules (xapi_host_helpers.ml): reboot and shutdown only once
     * disabled, power_on only while not live and with a power_on_mode; what places VMs needs it live.
     */
    private static List<String> hostOperations(SimHost h) {
        List<String> ops = new ArrayList<>();
        if (h.live) {
            ops.addAll(List.of("provision", "evacuate", "vm_start", "vm_resume", "vm_migrate"));
            if (!h.enabled) {
                ops.addAll(List.of("reboot", "shutdown"));
            }
        } else if (!h.powerOnMode.isEmpty() && !h.booting()) {
            ops.add("power_on");
        }
        return ops;
    }

    private static List<String> allowedOperations(SimVm v) {
        if (v.controlDomain || !v.currentOperations.isEmpty()) {
            return List.of();
        }
        return switch (v.powerState) {
            case "Running" -> List.of("pool_migrate", "clean_shutdown", "hard_shutdown", "clean_reboot", "suspend");
            case "Suspended" -> List.of("resume");
            default -> List.of("start");
        };
    }

    static Map<String, Object> vmMetrics(SimVm v, long startedMillis, long nowMillis) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", v.metricsUuid);
        r.put("memory_actual", v.running() ? v.memoryBytes : 0L);
        r.put("VCPUs_number", (long) (v.running() ? v.vcpus : 0));
        Map<String, Long> cpus = new LinkedHashMap<>(); // (int -> int) map: keys stringified, values ints
        for (int i = 0; i < v.vcpus && v.running(); i++) {
            cpus.put(Integer.toString(i), (long) i);
        }
        r.put("VCPUs_CPU", cpus);
        r.put("VCPUs_params", Map.of());
        r.put("VCPUs_flags", List.of());
        r.put("state", List.of());
        r.put("start_time", Instant.ofEpochMilli(startedMillis));
        r.put("install_time", Instant.ofEpochMilli(startedMillis));
        r.put("last_updated", Instant.ofEpochMilli(nowMillis));
        r.put("other_config", Map.of());
        r.put("hvm", !v.controlDomain);
        r.put("nested_virt", false);
        r.put("nomigrate", v.controlDomain);
        r.put("current_domain_type", v.controlDomain ? "pv" : "hvm");
        return r;
    }

    static Map<String, Object> task(SimTask t, String residentOn) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", t.uuid);
        r.put("name_label", t.nameLabel);
        r.put("name_description", "");
        r.put("allowed_operations", t.pending() ? List.of("cancel") : List.of());
        r.put("current_operations", Map.of());
        r.put("created", Instant.ofEpochMilli(t.createdMillis));
        r.put("finished", Instant.ofEpochMilli(t.finishedMillis));
        r.put("status", t.status);
        r.put("resident_on", residentOn);
        r.put("progress", t.progress);
        r.put("type", "");
        r.put("result", t.result);
        r.put("error_info", new ArrayList<>(t.errorInfo));
        r.put("other_config", Map.of());
        r.put("subtask_of", NULL_REF);
        r.put("subtasks", List.of());
        r.put("backtrace", "()");
        return r;
    }

    static Map<String, Object> pool(String uuid, String master, boolean wlbEnabled, Map<String, String> otherConfig,
                                    int hosts) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", uuid);
        r.put("name_label", "raypool simulated pool");
        r.put("name_description", hosts + " hosts on shared storage with a 10 GbE migration network");
        r.put("master", master);
        r.put("default_SR", "OpaqueRef:shared-sr");
        r.put("ha_enabled", false);
        r.put("wlb_url", "");
        r.put("wlb_username", "");
        r.put("wlb_enabled", wlbEnabled);
        r.put("wlb_verify_cert", false);
        r.put("other_config", new LinkedHashMap<>(otherConfig));
        r.put("tags", List.of());
        return r;
    }
}
