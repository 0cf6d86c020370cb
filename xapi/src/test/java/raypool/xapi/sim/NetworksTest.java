package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;

/** Networks, tunnels on management PIFs, VIFs and the guest agents' addresses, over JSON-RPC. */
class NetworksTest {
    private SimFixture sim;
    private XapiClient client;

    @BeforeEach
    void start() {
        sim = SimFixture.start(100);
        client = sim.login();
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    private List<String> managementPifs() {
        List<String> out = new ArrayList<>();
        client.call("PIF.get_all_records").properties().forEach(e -> {
            if (e.getValue().get("management").asBoolean()) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    @Test
    void aPrivateNetworkIsANetworkWithATunnelOnEveryHostsManagementPif() {
        List<String> transports = managementPifs();
        assertEquals(4, transports.size());
        String net = client.call("network.create", Map.of("name_label", "render", "name_description", "",
                "MTU", 1500, "other_config", Map.of())).asText();
        for (String pif : transports) {
            client.call("tunnel.create", pif, net, "gre");
        }
        JsonNode tunnels = client.call("tunnel.get_all_records");
        assertEquals(4, tunnels.size());
        tunnels.properties().forEach(t -> {
            assertEquals("true", t.getValue().get("status").get("active").asText());
            String access = t.getValue().get("access_PIF").asText();
            assertEquals(net, client.call("PIF.get_network", access).asText());
        });
        assertEquals(4, client.call("network.get_PIFs", net).size());
        XapiError again = assertThrows(XapiError.class, () -> client.call("tunnel.create", transports.getFirst(), net));
        assertEquals("NETWORK_ALREADY_CONNECTED", again.code());
        String access = tunnels.properties().iterator().next().getValue().get("access_PIF").asText();
        XapiError onAccess = assertThrows(XapiError.class, () -> client.call("tunnel.create", access, net));
        assertEquals("IS_TUNNEL_ACCESS_PIF", onAccess.code());
    }

    @Test
    void aVifOnARunningGuestIsPluggedByHandAndItsAddressShowsInGuestMetrics() {
        String vm = runningGuest();
        JsonNode record = client.call("VM.get_record", vm);
        assertEquals(1, record.get("VIFs").size(), "every guest starts with VIF 0 on the pool-wide network");
        String metrics = record.get("guest_metrics").asText();
        assertTrue(client.call("VM_guest_metrics.get_networks", metrics).get("0/ip").asText().startsWith("10.0."));
        String net = client.call("network.create", Map.of("name_label", "render")).asText();
        String vif = client.call("VIF.create", Map.of("device", "1", "network", net, "VM", vm, "MAC", "",
                "MTU", 1500, "other_config", Map.of(), "qos_algorithm_type", "", "qos_algorithm_params", Map.of())).asText();
        assertFalse(client.call("VIF.get_currently_attached", vif).asBoolean());
        XapiError twice = assertThrows(XapiError.class, () -> client.call("VIF.create", Map.of("device", "1",
                "network", net, "VM", vm)));
        assertEquals("DEVICE_ALREADY_EXISTS", twice.code());
        client.call("VIF.plug", vif);
        assertTrue(client.call("VM_guest_metrics.get_networks", metrics).get("1/ip").asText().startsWith("192.168."));
        assertEquals("DEVICE_ALREADY_ATTACHED", assertThrows(XapiError.class, () -> client.call("VIF.plug", vif)).code());
        assertEquals("OPERATION_NOT_ALLOWED", assertThrows(XapiError.class, () -> client.call("VIF.destroy", vif)).code());
        client.call("VIF.unplug", vif);
        assertEquals("DEVICE_ALREADY_DETACHED", assertThrows(XapiError.class, () -> client.call("VIF.unplug", vif)).code());
        client.call("VIF.destroy", vif);
        assertEquals(1, client.call("VM.get_VIFs", vm).size());
        assertTrue(client.call("VIF.get_MAC", record.get("VIFs").get(0).asText()).asText()
                .matches("aa:16(:[0-9a-f]{2}){4}"));
    }

    private String runningGuest() {
        for (var e : client.call("VM.get_all_records").properties()) {
            JsonNode v = e.getValue();
            if (!v.get("is_control_domain").asBoolean() && v.get("power_state").asText().equals("Running")) {
                return e.getKey();
            }
        }
        throw new AssertionError("no running guest");
    }
}
