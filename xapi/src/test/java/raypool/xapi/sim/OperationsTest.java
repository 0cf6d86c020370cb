package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiSettings;

/** Licences, VM power, host shutdown and reboot, external authentication: the simulated pool's rules and codes. */
class OperationsTest {
    private SimServer server;
    private XapiClient client;

    private void start(Scenario scenario) {
        try {
            server = SimServer.start(scenario.build("root", "pw", 1), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = XapiClient.login(XapiSettings.of(server.url(), "root", "pw").withTaskPoll(Duration.ofMillis(10)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private String vm(String name) {
        for (var e : client.call("VM.get_all_records").properties()) {
            if (e.getValue().get("name_label").asText().equals(name)) {
                return e.getKey();
            }
        }
        throw new AssertionError("no VM " + name);
    }

    private String host(String name) {
        for (var e : client.call("host.get_all_records").properties()) {
            if (e.getValue().get("name_label").asText().equals(name)) {
                return e.getKey();
            }
        }
        throw new AssertionError("no host " + name);
    }

    private static String code(Runnable call) {
        return assertThrows(XapiError.class, call::run).code();
    }

    @Test
    void anExpiredLicenceStopsEveryStartAndOnlyTheFreeEditionGetsOut() {
        start(Scenario.LICENCE_TRAP);
        String licence = vm(SimPool.LICENCE_SERVER_VM);
        String h1 = host("host-1");
        assertEquals("LICENSE_EXPIRED", code(() -> client.call("VM.start", licence, false, false)));
        assertEquals("INVALID_EDITION", code(() -> client.call("host.apply_edition", h1, "diamond")));
        assertEquals("LICENSE_CHECKOUT_ERROR", code(() -> client.call("host.apply_edition", h1, "platinum")),
                "the licence server's VM is down");
        for (String h : new String[] {"host-1", "host-2", "host-3", "host-4"}) {
            client.call("host.apply_edition", host(h), "free");
        }
        client.call("VM.start", licence, false, false);
        assertEquals("VM_BAD_POWER_STATE", code(() -> client.call("VM.start", licence, false, false)));
        client.call("host.apply_edition", h1, "platinum");
        JsonNode record = client.call("host.get_record", h1);
        assertEquals("platinum", record.get("edition").asText());
        assertTrue(record.get("license_params").get("expiry").asText().compareTo("2027") > 0);
    }

    @Test
    void hostsShutDownDisabledAndEmptyTheMasterLast() {
        start(Scenario.DEFAULT);
        String h2 = host("host-2");
        assertEquals("HOST_NOT_DISABLED", code(() -> client.call("host.shutdown", h2)));
        client.call("host.disable", h2);
        assertEquals("HOST_IN_USE", code(() -> client.call("host.shutdown", h2)));
        String master = host("host-1");
        client.call("host.disable", master);
        for (var e : client.call("VM.get_all_records").properties()) {
            JsonNode v = e.getValue();
            if (!v.get("is_control_domain").asBoolean() && v.get("power_state").asText().equals("Running")) {
                client.call("VM.hard_shutdown", e.getKey());
            }
        }
        assertEquals("VM_BAD_POWER_STATE", code(() -> client.call("VM.clean_shutdown", vm(SimPool.LICENCE_SERVER_VM))));
        assertEquals("OPERATION_NOT_ALLOWED", code(() -> client.call("host.shutdown", master)), "others are still live");
        for (String h : new String[] {"host-2", "host-3", "host-4"}) {
            if (client.call("host.get_enabled", host(h)).asBoolean()) {
                client.call("host.disable", host(h));
            }
            client.call("host.shutdown", host(h));
        }
        client.call("host.shutdown", master);
        assertTrue(!client.call("host_metrics.get_live", client.call("host.get_metrics", master).asText()).asBoolean());
    }

    @Test
    void aRebootDropsTheDomainAndThePoolRejoinsOnlyAsAWhole() {
        start(Scenario.DEFAULT);
        Map<String, String> join = Map.of("user", Scenario.DOMAIN_USER, "pass", Scenario.DOMAIN_PASSWORD);
        String pool = client.call("pool.get_all").get(0).asText();
        assertEquals("AUTH_ENABLE_FAILED_WRONG_CREDENTIALS", code(() -> client.call("pool.enable_external_auth", pool,
                Map.of("user", Scenario.DOMAIN_USER, "pass", "nope"), Scenario.DOMAIN, "AD")));
        assertEquals("AUTH_UNKNOWN_TYPE", code(() -> client.call("pool.enable_external_auth", pool, join, Scenario.DOMAIN, "LDAP")));
        client.call("pool.enable_external_auth", pool, join, Scenario.DOMAIN, "AD");
        String h3 = host("host-3");
        client.call("host.disable", h3);
        for (var e : client.call("VM.get_all_records").properties()) {
            JsonNode v = e.getValue();
            if (v.get("resident_on").asText().equals(h3) && !v.get("is_control_domain").asBoolean()) {
                client.call("VM.hard_shutdown", e.getKey());
            }
        }
        client.call("host.reboot", h3);
        assertEquals("", client.call("host.get_external_auth_type", h3).asText(), "the reboot dropped the domain");
        assertEquals("AD", client.call("host.get_external_auth_type", host("host-1")).asText());
        assertEquals("AUTH_ALREADY_ENABLED", code(() -> client.call("pool.enable_external_auth", pool, join, Scenario.DOMAIN, "AD")));
        client.call("pool.disable_external_auth", pool, Map.of());
        client.call("pool.enable_external_auth", pool, join, Scenario.DOMAIN, "AD");
        assertEquals("AD", client.call("host.get_external_auth_type", h3).asText());
    }

    @Test
    void anUbuntuInstallerFindsNoSourceUntilItBootsHvmCdFirst() {
        start(Scenario.UBUNTU);
        String ubuntu = vm("ubuntu-2");
        assertEquals("INVALID_SOURCE", code(() -> client.call("VM.start", ubuntu, false, false)));
        client.call("VM.set_HVM_boot_policy", ubuntu, "BIOS order");
        assertEquals("INVALID_SOURCE", code(() -> client.call("VM.start", ubuntu, false, false)), "no boot order yet");
        client.call("VM.add_to_HVM_boot_params", ubuntu, "order", "dc");
        assertEquals("MAP_DUPLICATE_KEY", code(() -> client.call("VM.add_to_HVM_boot_params", ubuntu, "order", "cd")));
        client.call("VM.start", ubuntu, false, false);
        assertEquals("Running", client.call("VM.get_power_state", ubuntu).asText());
        assertEquals(1, client.call("VM_guest_metrics.get_networks", client.call("VM.get_guest_metrics", ubuntu).asText())
                .size(), "its VIF was plugged when it started");
    }
}
