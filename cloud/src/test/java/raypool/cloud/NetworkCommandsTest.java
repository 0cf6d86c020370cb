package raypool.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.cloud.view.NetworkView;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VmView;
import raypool.xapi.sim.Scenario;

class NetworkCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;
    private CloudHarness pool;

    @BeforeEach
    void start() {
        pool = new CloudHarness(Scenario.DEFAULT, dir);
    }

    @AfterEach
    void stop() {
        pool.close();
    }

    private NetworkView network(String name) {
        return pool.view().networks().named(name).getFirst();
    }

    @Test
    void createPrivateMakesANetworkWithATunnelPerHostOnceAndSaysSoTheSecondTime() throws Exception {
        CloudHarness.Run dry = pool.run("network", "create-private", "--dry-run", "render");
        assertEquals(0, dry.status(), dry.err());
        assertTrue(dry.out().contains("tunnel.create(host-4/eth0, <network render>)"), dry.out());
        assertTrue(pool.view().networks().named("render").isEmpty(), "--dry-run made no change");
        assertTrue(pool.audit().isEmpty(), "--dry-run audits nothing");

        CloudHarness.Run made = pool.run("network", "create-private", "--json", "render");
        assertEquals(0, made.status(), made.err());
        JsonNode report = JSON.readTree(made.out());
        assertTrue(report.get("changed").asBoolean());
        assertEquals(5, report.get("steps").size());
        PoolView view = pool.view();
        NetworkView render = network("render");
        assertEquals(4, view.networks().tunnelsOf(render.ref()).size());
        assertEquals(5, pool.audit().size(), "one audit record per change");
        assertEquals("tunnel.create", pool.audit().getLast().call());

        CloudHarness.Run again = pool.run("network", "create-private", "render");
        assertEquals(0, again.status(), again.err());
        assertTrue(again.out().contains("nothing to do"), again.out());
        assertEquals(5, pool.audit().size());
    }

    @Test
    void attachPlugsAVifOnARunningVmAndDetachTakesItOffBothIdempotent() throws Exception {
        assertEquals(0, pool.run("network", "create-private", "render").status());
        VmView vm = pool.view().vms().stream().filter(v -> v.guest() && v.running()).findFirst().orElseThrow();
        CloudHarness.Run attach = pool.run("network", "attach", vm.name(), "render");
        assertEquals(0, attach.status(), attach.err());
        assertTrue(attach.out().contains("VIF.plug"), attach.out());
        CloudHarness.Run list = pool.run("network", "list", "--json");
        JsonNode nets = JSON.readTree(list.out()).get("networks");
        JsonNode render = null;
        for (JsonNode n : nets) {
            if (n.get("name").asText().equals("render")) {
                render = n;
            }
        }
        assertEquals(4, render.get("tunnels").size());
        assertEquals(vm.name(), render.get("vms").get(0).get("vm").asText());
        assertTrue(render.get("vms").get(0).get("ip").asText().startsWith("192.168."));
        assertTrue(pool.run("network", "attach", vm.name(), "render").out().contains("nothing to do"));

        CloudHarness.Run detach = pool.run("network", "detach", vm.name(), "render");
        assertEquals(0, detach.status(), detach.err());
        assertTrue(detach.out().contains("VIF.unplug") && detach.out().contains("VIF.destroy"), detach.out());
        assertTrue(pool.view().networks().vifsOn(network("render").ref()).isEmpty());
        assertTrue(pool.run("network", "detach", vm.name(), "render").out().contains("nothing to do"));
    }

    @Test
    void anUnknownVmOrNetworkIsBadInputNamingIt() {
        CloudHarness.Run run = pool.run("network", "attach", "no-such-vm", "render");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("VM: no VM 'no-such-vm'"), run.err());
        String vm = pool.view().vms().stream().filter(VmView::guest).findFirst().orElseThrow().name();
        CloudHarness.Run net = pool.run("network", "attach", vm, "nowhere");
        assertEquals(2, net.status());
        assertTrue(net.err().contains("NETWORK: no network 'nowhere'"), net.err());
        assertEquals("", net.out());
    }
}
