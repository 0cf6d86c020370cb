package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import raypool.xapi.client.HostMetricsRecord;
import raypool.xapi.client.HostRecord;
import raypool.xapi.client.PoolApi;
import raypool.xapi.client.VmRecord;
import raypool.xapi.client.XapiClient;

class RecordsTest {
    private static SimFixture sim;
    private static XapiClient client;

    @BeforeAll
    static void start() {
        sim = SimFixture.start(100);
        client = sim.login();
    }

    @AfterAll
    static void stop() {
        client.close();
        sim.close();
    }

    @Test
    void theDefaultStandIsTheOriginalOne() {
        PoolApi api = new PoolApi(client);
        assertEquals(4, api.hosts().size());
        for (HostRecord h : api.hosts().values()) {
            assertEquals(80, h.cpuCount());
            HostMetricsRecord m = api.hostMetrics().get(h.metrics());
            assertEquals(150L << 30, m.memoryTotal());
            assertTrue(m.live());
            assertTrue(m.memoryFree() >= 0 && m.memoryFree() < m.memoryTotal());
            assertEquals("false", h.licenseParams().get("restrict_wlb"));
        }
        List<VmRecord> guests = api.vms().values().stream().filter(v -> !v.isControlDomain())
                .filter(v -> !v.otherConfig().containsKey(SimPool.INFRASTRUCTURE_KEY)).toList();
        assertEquals(40, guests.size());
        List<VmRecord> infrastructure = api.vms().values().stream()
                .filter(v -> v.otherConfig().containsKey(SimPool.INFRASTRUCTURE_KEY)).toList();
        assertEquals(List.of(SimPool.LICENCE_SERVER_VM), infrastructure.stream().map(VmRecord::nameLabel).toList(),
                "the stand's one infrastructure VM is its licence server");
        assertEquals("Running", infrastructure.getFirst().powerState());
        assertEquals(4, api.vms().values().stream().filter(VmRecord::isControlDomain).count());
        assertTrue(guests.stream().filter(VmRecord::isMovableGuest).count() >= 35);
        assertEquals(41, api.vmMetrics().size() - 4, "the guests' and the licence server's metrics, besides dom0s'");
    }

    @Test
    void everyRecordOfAClassCarriesTheSameFields() {
        for (String cls : List.of("pool", "host", "host_metrics", "VM", "VM_metrics", "network", "PIF", "VIF", "VM_guest_metrics",
                "SR")) {
            JsonNode all = client.call(cls + ".get_all_records");
            Set<Set<String>> shapes = new HashSet<>();
            all.properties().forEach(e -> {
                Set<String> fields = new HashSet<>();
                e.getValue().fieldNames().forEachRemaining(fields::add);
                shapes.add(fields);
            });
            assertEquals(1, shapes.size(), cls + " records differ in their fields");
        }
    }

    @Test
    void fieldGettersAgreeWithRecordsAndListMethodsNamesThem() {
        JsonNode methods = client.callWithoutSession("system.listMethods");
        List<String> names = new ArrayList<>();
        methods.forEach(m -> names.add(m.asText()));
        for (String m : List.of("VM.pool_migrate", "Async.VM.pool_migrate", "event.from", "event.inject",
                "host.get_name_label", "VM.get_resident_on", "task.cancel", "session.logout")) {
            assertTrue(names.contains(m), m + " missing from system.listMethods");
        }
        for (String m : List.of("Async.VM.get_name_label", "Async.task.cancel", "Async.session.logout")) {
            assertTrue(!names.contains(m), m + " does not exist in xapi");
        }
        JsonNode vms = client.call("VM.get_all_records");
        var first = vms.properties().iterator().next();
        for (String field : List.of("name_label", "power_state", "resident_on", "memory_static_max", "VCPUs_max")) {
            assertEquals(first.getValue().get(field), client.call("VM.get_" + field, first.getKey()));
        }
    }

    @Test
    void intsAreIntegerLiteralsAndLicenseParamsRepeatAKeyOnTheWire() throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"method\":\"host.get_all_records\",\"params\":[\""
                + client.session().value() + "\"],\"id\":1}";
        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.server.url() + "jsonrpc")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String text = raw.body();
        int params = text.indexOf("\"license_params\"");
        String licence = text.substring(params, text.indexOf('}', params));
        assertEquals(2, licence.split("\"restrict_wlb\"", -1).length - 1, licence);
        assertTrue(text.matches("(?s).*\"memory_overhead\":4294967296[,}].*"), "ints travel as JSON integers, as from xapi");
    }

    @Test
    void aCallWithoutParamsOrIdIsAnHttp500AsXapiAnswersIt() throws Exception {
        for (String body : List.of("{\"jsonrpc\":\"2.0\",\"method\":\"session.login_with_password\",\"id\":0}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"pool.get_all\",\"params\":[]}", "not json")) {
            HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(sim.server.url() + "jsonrpc")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(500, raw.statusCode(), body);
            assertTrue(raw.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        }
    }
}
