package raypool.web.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import raypool.web.Api;
import raypool.web.WebFixture;
import raypool.web.pool.VmView;

/**
 * The story over the API: a new user signs in, delegates a VM to another user, who can start it and
 * change its memory and nothing else; refusals carry XAPI's error or the quota's figures.
 */
class SelfServiceFlowTest {
    private WebFixture fx;
    private String admin;

    @BeforeEach
    void start() throws Exception {
        fx = WebFixture.start(6);
        admin = fx.login("admin", WebFixture.ADMIN_PASSWORD);
        for (String u : new String[] {"alice", "bob"}) {
            assertEquals(201, fx.send("POST", "/api/users", admin, Api.json(Map.of("name", u, "password", u + "-password")))
                    .statusCode());
        }
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private VmView halted() {
        return fx.pool().vms().stream().filter(v -> v.powerState().equals("Halted")).findFirst().orElseThrow();
    }

    private JsonNode error(HttpResponse<String> r) {
        return Api.read(r.body()).get("error");
    }

    @Test
    void aDelegatedVmCanBeStartedAndResizedAndNothingElse() throws Exception {
        VmView vm = halted();
        VmView other = fx.pool().vms().stream().filter(v -> !v.uuid().equals(vm.uuid())).findFirst().orElseThrow();
        assertEquals(201, fx.send("POST", "/api/acl", admin, Api.json(Map.of("subject", "alice", "object", "vm:" + vm.uuid(),
                "role", "admin"))).statusCode());
        String alice = fx.login("alice", "alice-password");
        assertEquals(201, fx.send("POST", "/api/acl", alice, Api.json(Map.of("subject", "bob", "object", "vm:" + vm.uuid(),
                "role", "admin"))).statusCode(), "alice delegates her VM");
        assertEquals(404, fx.send("POST", "/api/acl", alice, Api.json(Map.of("subject", "bob", "object", "vm:" + other.uuid(),
                "role", "admin"))).statusCode(), "but no VM she cannot administer");
        assertEquals(403, fx.send("POST", "/api/acl", alice, Api.json(Map.of("subject", "bob", "object", "pool",
                "role", "viewer"))).statusCode());
        String bob = fx.login("bob", "bob-password");
        JsonNode list = Api.read(fx.send("GET", "/api/vms", bob, null).body()).get("vms");
        assertEquals(1, list.size());
        assertEquals(vm.uuid(), list.get(0).get("uuid").asText());

        HttpResponse<String> started = fx.send("POST", "/api/vms/" + vm.uuid() + "/start", bob, null);
        assertEquals(200, started.statusCode(), started.body());
        assertEquals("Running", Api.read(started.body()).get("power_state").asText());
        assertEquals("Running", fx.pool().vm(vm.uuid()).orElseThrow().powerState(), "started through XAPI");

        long smaller = vm.memoryMib() / 2;
        HttpResponse<String> resized = fx.send("PATCH", "/api/vms/" + vm.uuid(), bob, Api.json(Map.of("memory_mib", smaller)));
        assertEquals(200, resized.statusCode(), resized.body());
        assertEquals(smaller, fx.pool().vm(vm.uuid()).orElseThrow().memoryMib(), "live, within the static limits");

        HttpResponse<String> tooBig = fx.send("PATCH", "/api/vms/" + vm.uuid(), bob,
                Api.json(Map.of("memory_mib", vm.memoryStaticMaxMib() * 2)));
        assertEquals(409, tooBig.statusCode());
        assertEquals("XAPI_ERROR", error(tooBig).get("code").asText());
        assertEquals("MEMORY_CONSTRAINT_VIOLATION", error(tooBig).get("details").get("xapi_code").asText());

        HttpResponse<String> again = fx.send("POST", "/api/vms/" + vm.uuid() + "/start", bob, null);
        assertEquals("VM_BAD_POWER_STATE", error(again).get("details").get("xapi_code").asText());

        assertEquals(404, fx.send("POST", "/api/vms/" + other.uuid() + "/start", bob, null).statusCode());
        assertEquals(403, fx.send("POST", "/api/users", bob, Api.json(Map.of("name", "eve", "password", "eve-password")))
                .statusCode());
        assertEquals(403, fx.send("POST", "/api/quotas", bob, Api.json(Map.of("subject", "bob", "vcpus", 999))).statusCode());
    }

    @Test
    void aHaltedVmTakesNewLimitsForItsNextStart() throws Exception {
        VmView vm = halted();
        long more = vm.memoryStaticMaxMib() * 2;
        HttpResponse<String> r = fx.send("PATCH", "/api/vms/" + vm.uuid(), admin,
                Api.json(Map.of("memory_mib", more, "vcpus", vm.vcpusMax() + 2)));
        assertEquals(200, r.statusCode(), r.body());
        VmView now = fx.pool().vm(vm.uuid()).orElseThrow();
        assertEquals(more, now.memoryMib());
        assertEquals(more, now.memoryStaticMaxMib());
        assertEquals(vm.vcpusMax() + 2, now.vcpus());
    }

    @Test
    void aQuotaRefusalNamesTheLimitAndWhatIsLeft() throws Exception {
        VmView vm = halted();
        fx.send("POST", "/api/acl", admin, Api.json(Map.of("subject", "bob", "object", "vm:" + vm.uuid(), "role", "admin")));
        assertEquals(201, fx.send("POST", "/api/quotas", admin, Api.json(Map.of("subject", "bob", "vcpus", vm.vcpus() - 1)))
                .statusCode());
        String bob = fx.login("bob", "bob-password");
        HttpResponse<String> r = fx.send("POST", "/api/vms/" + vm.uuid() + "/start", bob, null);
        assertEquals(409, r.statusCode());
        JsonNode e = error(r);
        assertEquals("QUOTA_EXCEEDED", e.get("code").asText());
        assertEquals("vcpus", e.get("details").get("resource").asText());
        assertEquals(vm.vcpus() - 1, e.get("details").get("limit").asLong());
        assertEquals(vm.vcpus(), e.get("details").get("requested").asLong());
        assertTrue(e.get("message").asText().contains("user:bob"), e.get("message").asText());
        assertEquals("Halted", fx.pool().vm(vm.uuid()).orElseThrow().powerState(), "nothing was started");
    }

    @Test
    void networksListedInAQuotaCanBeAttachedAndDetachedAndNoOthers() throws Exception {
        fx.client.call("network.create", Map.of("name_label", "lab", "name_description", "", "MTU", 1500, "other_config", Map.of()));
        fx.client.call("network.create", Map.of("name_label", "dmz", "name_description", "", "MTU", 1500, "other_config", Map.of()));
        VmView vm = fx.pool().vms().stream().filter(VmView::running).findFirst().orElseThrow();
        fx.send("POST", "/api/acl", admin, Api.json(Map.of("subject", "bob", "object", "vm:" + vm.uuid(), "role", "admin")));
        assertEquals(201, fx.send("POST", "/api/quotas", admin, Api.json(Map.of("subject", "bob", "networks",
                java.util.List.of("lab")))).statusCode());
        String bob = fx.login("bob", "bob-password");
        HttpResponse<String> attached = fx.send("POST", "/api/vms/" + vm.uuid() + "/networks", bob, "{\"network\":\"lab\"}");
        assertEquals(200, attached.statusCode(), attached.body());
        var lab = fx.pool().vifsOf(vm.uuid()).stream().filter(v -> v.networkName().equals("lab")).findFirst().orElseThrow();
        assertTrue(lab.attached(), "a running VM's new interface is plugged");
        assertEquals("1", lab.device(), "the next free device after the stand's VIF 0");
        assertTrue(attached.body().contains("\"network\":\"lab\""), attached.body());
        assertEquals("ALREADY_ATTACHED", error(fx.send("POST", "/api/vms/" + vm.uuid() + "/networks", bob,
                "{\"network\":\"lab\"}")).get("code").asText());
        HttpResponse<String> dmz = fx.send("POST", "/api/vms/" + vm.uuid() + "/networks", bob, "{\"network\":\"dmz\"}");
        assertEquals(403, dmz.statusCode());
        assertEquals("NETWORK_NOT_ALLOWED", error(dmz).get("code").asText());
        HttpResponse<String> detached = fx.send("DELETE", "/api/vms/" + vm.uuid() + "/networks/lab", bob, null);
        assertEquals(200, detached.statusCode(), detached.body());
        assertTrue(fx.pool().vifsOf(vm.uuid()).stream().noneMatch(v -> v.networkName().equals("lab")), "VIF destroyed");
        assertEquals(200, fx.send("POST", "/api/vms/" + vm.uuid() + "/networks", admin, "{\"network\":\"dmz\"}").statusCode(),
                "service administrators use any network");
    }

    @Test
    void disksAreAddedAndGrownWithinTheDiskQuota() throws Exception {
        VmView vm = fx.pool().vms().stream().filter(VmView::running).findFirst().orElseThrow();
        fx.send("POST", "/api/acl", admin, Api.json(Map.of("subject", "bob", "object", "vm:" + vm.uuid(), "role", "admin")));
        assertEquals(201, fx.send("POST", "/api/quotas", admin, Api.json(Map.of("subject", "bob", "disk_gib", 30))).statusCode());
        String bob = fx.login("bob", "bob-password");
        HttpResponse<String> added = fx.send("POST", "/api/vms/" + vm.uuid() + "/disks", bob, "{\"size_gib\":10,\"name\":\"data\"}");
        assertEquals(200, added.statusCode(), added.body());
        var disk = fx.pool().disksOf(vm.uuid()).getFirst();
        assertEquals(10, disk.sizeGib());
        assertEquals("1", disk.userdevice());
        assertTrue(disk.attached(), "plugged into the running VM");
        HttpResponse<String> grown = fx.send("PATCH", "/api/vms/" + vm.uuid() + "/disks/1", bob, "{\"size_gib\":25}");
        assertEquals(200, grown.statusCode(), grown.body());
        assertEquals(25, fx.pool().disksOf(vm.uuid()).getFirst().sizeGib(), "VDI.resize_online, as it is plugged");
        HttpResponse<String> over = fx.send("POST", "/api/vms/" + vm.uuid() + "/disks", bob, "{\"size_gib\":10}");
        assertEquals(409, over.statusCode());
        assertEquals("disk_gib", error(over).get("details").get("resource").asText());
        assertEquals(5, error(over).get("details").get("available").asLong());
        HttpResponse<String> shrink = fx.send("PATCH", "/api/vms/" + vm.uuid() + "/disks/1", bob, "{\"size_gib\":5}");
        assertEquals("INVALID_VALUE", error(shrink).get("details").get("xapi_code").asText(), "XAPI refuses to shrink");
        assertEquals("NO_SUCH_DISK", error(fx.send("PATCH", "/api/vms/" + vm.uuid() + "/disks/7", bob, "{\"size_gib\":5}"))
                .get("code").asText());
        assertEquals(1, fx.pool().disksOf(vm.uuid()).size());
    }

    @Test
    void operatorsRunPowerOperationsButCannotResize() throws Exception {
        VmView vm = fx.pool().vms().stream().filter(VmView::running).findFirst().orElseThrow();
        fx.send("POST", "/api/acl", admin, Api.json(Map.of("subject", "bob", "object", "vm:" + vm.uuid(), "role", "operator")));
        String bob = fx.login("bob", "bob-password");
        for (String op : new String[] {"clean_reboot", "suspend", "resume", "clean_shutdown", "start"}) {
            HttpResponse<String> r = fx.send("POST", "/api/vms/" + vm.uuid() + "/" + op, bob, null);
            assertEquals(200, r.statusCode(), op + ": " + r.body());
        }
        HttpResponse<String> r = fx.send("PATCH", "/api/vms/" + vm.uuid(), bob, Api.json(Map.of("vcpus", 1)));
        assertEquals(403, r.statusCode());
        assertEquals("FORBIDDEN", error(r).get("code").asText());
    }
}
