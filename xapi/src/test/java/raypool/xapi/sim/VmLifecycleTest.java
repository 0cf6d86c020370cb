package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;

/** VM power operations and hardware settings of the simulated pool, over the wire, with xapi's error codes. */
class VmLifecycleTest {
    private static final long MIB = 1L << 20;
    private SimFixture sim;
    private XapiClient client;

    @BeforeEach
    void start() {
        sim = SimFixture.start(1);
        client = XapiClient.login(sim.settings());
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private String vm(String powerState) {
        var it = client.call("VM.get_all_records").properties().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (!e.getValue().path("is_control_domain").asBoolean() && e.getValue().path("power_state").asText().equals(powerState)) {
                return e.getKey();
            }
        }
        throw new AssertionError("no " + powerState + " guest");
    }

    private JsonNode record(String ref) {
        return client.call("VM.get_record", ref);
    }

    private String code(Runnable call) {
        return assertThrows(XapiError.class, call::run).code();
    }

    @Test
    void powerOperationsMoveThroughTheStatesXapiAllows() {
        String ref = vm("Halted");
        client.call("VM.start", ref, false, false);
        JsonNode r = record(ref);
        assertEquals("Running", r.path("power_state").asText());
        String host = r.path("resident_on").asText();
        assertEquals(true, client.call("host.get_resident_VMs", host).toString().contains(ref));
        client.call("VM.clean_reboot", ref);
        client.call("VM.suspend", ref);
        assertEquals("Suspended", record(ref).path("power_state").asText());
        assertEquals("OpaqueRef:NULL", record(ref).path("resident_on").asText());
        assertEquals(List.of("resume"), List.of(record(ref).path("allowed_operations").get(0).asText()));
        client.call("VM.resume", ref, false, false);
        client.call("VM.clean_shutdown", ref);
        assertEquals("Halted", record(ref).path("power_state").asText());
    }

    @Test
    void wrongStatesAnswerVmBadPowerStateWithExpectedAndActual() {
        String ref = vm("Halted");
        XapiError e = assertThrows(XapiError.class, () -> client.call("VM.clean_shutdown", ref));
        assertEquals("VM_BAD_POWER_STATE", e.code());
        assertEquals(List.of(ref, "running", "halted"), e.params());
        assertEquals("VM_BAD_POWER_STATE", code(() -> client.call("VM.resume", ref, false, false)));
        String running = vm("Running");
        assertEquals("VM_BAD_POWER_STATE", code(() -> client.call("VM.start", running, false, false)));
        assertEquals("VM_BAD_POWER_STATE", code(() -> client.call("VM.set_VCPUs_at_startup", running, 1)));
    }

    @Test
    void liveChangesStayWithinTheStaticLimits() {
        String ref = vm("Running");
        JsonNode r = record(ref);
        long max = r.path("memory_static_max").asLong();
        long vcpus = r.path("VCPUs_max").asLong();
        client.call("VM.set_memory_dynamic_range", ref, max / 2, max / 2);
        assertEquals(max / 2, record(ref).path("memory_dynamic_max").asLong());
        assertEquals("MEMORY_CONSTRAINT_VIOLATION", code(() -> client.call("VM.set_memory_dynamic_range", ref, 2 * max, 2 * max)));
        client.call("VM.set_VCPUs_number_live", ref, 1);
        assertEquals(1, client.call("VM_metrics.get_VCPUs_number", record(ref).path("metrics").asText()).asLong());
        assertEquals("VALUE_NOT_SUPPORTED", code(() -> client.call("VM.set_VCPUs_number_live", ref, vcpus + 1)));
    }

    @Test
    void haltedVmsTakeNewLimits() {
        String ref = vm("Halted");
        long max = record(ref).path("memory_static_max").asLong();
        client.call("VM.set_memory_limits", ref, 256 * MIB, 2 * max, 2 * max, 2 * max);
        assertEquals(2 * max, record(ref).path("memory_static_max").asLong());
        assertEquals("MEMORY_CONSTRAINT_VIOLATION", code(() -> client.call("VM.set_memory_limits", ref, 4 * max, max, max, max)));
        long vcpus = record(ref).path("VCPUs_max").asLong();
        client.call("VM.set_VCPUs_max", ref, vcpus + 2);
        client.call("VM.set_VCPUs_at_startup", ref, vcpus + 2);
        assertEquals(vcpus + 2, record(ref).path("VCPUs_at_startup").asLong());
        assertEquals("VALUE_NOT_SUPPORTED", code(() -> client.call("VM.set_VCPUs_at_startup", ref, vcpus + 3)));
    }

    @Test
    void aStartThatFitsNowhereAnswersNoHostsAvailable() {
        String ref = vm("Halted");
        client.call("VM.set_memory_limits", ref, 256 * MIB, 1L << 50, 1L << 50, 1L << 50);
        assertEquals("NO_HOSTS_AVAILABLE", code(() -> client.call("VM.start", ref, false, false)));
    }

    @Test
    void disksAreCreatedPluggedAndGrownAsXapiAllows() {
        String ref = vm("Running");
        String sr = client.call("pool.get_default_SR", client.call("pool.get_all").get(0).asText()).asText();
        String vdi = client.call("VDI.create", java.util.Map.of("name_label", "data", "SR", sr, "virtual_size", 10L << 30,
                "type", "user", "sharable", false, "read_only", false, "other_config", java.util.Map.of())).asText();
        assertEquals("HANDLE_INVALID", code(() -> client.call("VDI.create", java.util.Map.of("SR", "OpaqueRef:nowhere",
                "virtual_size", 1L << 30))));
        String vbd = client.call("VBD.create", java.util.Map.of("VM", ref, "VDI", vdi, "userdevice", "1", "bootable", false,
                "mode", "RW", "type", "Disk", "empty", false, "other_config", java.util.Map.of())).asText();
        assertEquals("VDI_IN_USE", code(() -> client.call("VBD.create", java.util.Map.of("VM", vm("Halted"), "VDI", vdi,
                "userdevice", "1"))));
        assertEquals(true, record(ref).path("VBDs").toString().contains(vbd));
        client.call("VBD.plug", vbd);
        assertEquals("DEVICE_ALREADY_ATTACHED", code(() -> client.call("VBD.plug", vbd)));
        assertEquals("VDI_IN_USE", code(() -> client.call("VDI.resize", vdi, 20L << 30)), "plugged: only online");
        client.call("VDI.resize_online", vdi, 20L << 30);
        assertEquals(20L << 30, client.call("VDI.get_virtual_size", vdi).asLong());
        assertEquals("INVALID_VALUE", code(() -> client.call("VDI.resize_online", vdi, 1L << 30)), "never smaller");
        client.call("VM.clean_shutdown", ref);
        assertEquals(false, client.call("VBD.get_currently_attached", vbd).asBoolean(), "unplugged with its VM");
        client.call("VDI.resize", vdi, 30L << 30);
        assertEquals(30L << 30, client.call("VDI.get_virtual_size", vdi).asLong());
    }
}
