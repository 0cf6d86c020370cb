package raypool.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.cloud.view.HostView;
import raypool.cloud.view.VmView;
import raypool.xapi.client.XapiError;
import raypool.xapi.sim.Scenario;
import raypool.xapi.sim.SimPool;

class PoolCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static String address(CloudHarness pool) {
        return pool.server.url().getHost() + ":" + pool.server.url().getPort();
    }

    private static String[] join(CloudHarness master, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("pool", "join", "--master", address(master), "--master-url",
                master.server.url().toString(), "--master-password-file", master.passwordFile.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void statusShowsHostsMasterEditionsAndTheLicenceServer() throws Exception {
        try (CloudHarness pool = new CloudHarness(Scenario.DEFAULT, dir)) {
            CloudHarness.Run run = pool.run("pool", "status", "--json");
            assertEquals(0, run.status(), run.err());
            JsonNode s = JSON.readTree(run.out());
            assertEquals("host-1", s.get("master").asText());
            assertEquals(4, s.get("hosts").size());
            assertEquals("premium", s.get("hosts").get(3).get("edition").asText());
            assertEquals("none", s.get("externalAuth").asText());
            assertTrue(s.get("licenceServer").asText().endsWith(":27000"));
            assertTrue(pool.run("pool", "status").out().contains("host-1*"));
        }
    }

    @Test
    void aHostOfItsOwnJoinsAfterThePreflightOnceAndIsEjectedOnce() throws Exception {
        try (CloudHarness master = new CloudHarness(Scenario.DEFAULT, Files.createDirectories(dir.resolve("m")));
             CloudHarness joiner = new CloudHarness(Scenario.STANDALONE, Files.createDirectories(dir.resolve("j")))) {
            CloudHarness.Run dry = joiner.run(join(master, "--dry-run"));
            assertEquals(0, dry.status(), dry.err());
            assertTrue(dry.out().contains("ok   JOINING_HOST_CANNOT_HAVE_RUNNING_VMS"), dry.out());
            assertTrue(dry.out().contains("pool.join(\"" + address(master) + "\", \"root\", ***)"), dry.out());
            assertEquals(4, master.view().hosts().size(), "--dry-run joined nothing");

            CloudHarness.Run run = joiner.run(join(master));
            assertEquals(0, run.status(), run.err());
            assertEquals(5, master.view().hosts().size());
            HostView h5 = master.view().hostNamed(Scenario.JOINING_HOST).orElseThrow();
            assertTrue(h5.live() && h5.enabled());
            assertFalse(Files.readString(joiner.auditLog).contains(CloudHarness.PASSWORD), "no password in the audit log");
            CloudHarness.Run again = joiner.run(join(master));
            assertEquals(0, again.status(), again.err());
            assertTrue(again.out().contains("is a member of the pool of host-1 already"), again.out());

            CloudHarness.Run eject = master.run("pool", "eject", Scenario.JOINING_HOST);
            assertEquals(0, eject.status(), eject.err());
            assertEquals(4, master.view().hosts().size());
            assertTrue(master.run("pool", "eject", Scenario.JOINING_HOST).out().contains("nothing to do"));
        }
    }

    @Test
    void eachFailedCheckIsExplainedAndNothingIsCalled() throws Exception {
        try (CloudHarness master = new CloudHarness(Scenario.REBOOTED, Files.createDirectories(dir.resolve("m")));
             CloudHarness joiner = new CloudHarness(Scenario.STANDALONE, Files.createDirectories(dir.resolve("j")))) {
            VmView licence = joiner.view().vmsNamed(SimPool.LICENCE_SERVER_VM).getFirst();
            joiner.client().call("VM.start", licence.ref(), false, false);
            joiner.client().call("host.apply_edition", joiner.view().master().ref(), "free");
            CloudHarness.Run run = joiner.run(join(master));
            assertEquals(1, run.status(), run.out());
            for (String code : List.of("JOINING_HOST_CANNOT_HAVE_RUNNING_VMS: VMs run on it (licence-server)",
                    "POOL_JOINING_EXTERNAL_AUTH_MISMATCH: it has none, the pool AD CORP.EXAMPLE",
                    "LICENSE_HOST_POOL_MISMATCH: it runs the free edition, the pool premium")) {
                assertTrue(run.err().contains(code), code + " in " + run.err());
            }
            assertTrue(joiner.audit().isEmpty());
            assertEquals(4, master.view().hosts().size());
            XapiError sim = assertThrows(XapiError.class, () -> joiner.client().call("pool.join", address(master), "root",
                    CloudHarness.PASSWORD));
            assertEquals("JOINING_HOST_CANNOT_HAVE_RUNNING_VMS", sim.code(), "the simulated pool makes the same check");
        }
    }

    @Test
    void theMasterIsNeverEjectedAndAHostWithVmsIsRefusedWithTheCodeExplained() {
        try (CloudHarness pool = new CloudHarness(Scenario.DEFAULT, dir)) {
            CloudHarness.Run master = pool.run("pool", "eject", "host-1");
            assertEquals(2, master.status());
            assertTrue(master.err().contains("HOST: host-1 is the pool's master, which is never ejected"), master.err());
            CloudHarness.Run busy = pool.run("pool", "eject", "host-2");
            assertEquals(1, busy.status());
            assertTrue(busy.err().contains("HOST_HAS_RESIDENT_VMS") && busy.err().contains("migrate or shut them down"), busy.err());
            assertEquals(4, pool.view().hosts().size());
        }
    }

    @Test
    void createNamesAPoolOfOneOnceAndRefusesToRenameALargerPool() {
        try (CloudHarness one = new CloudHarness(Scenario.STANDALONE, dir)) {
            CloudHarness.Run dry = one.run("pool", "create", "--name", "render-farm", "--dry-run");
            assertTrue(dry.out().contains("pool.set_name_label(standalone host, \"render-farm\")"), dry.out());
            assertEquals("standalone host", one.view().pool().name());
            assertEquals(0, one.run("pool", "create", "--name", "render-farm").status());
            assertEquals("render-farm", one.view().pool().name());
            assertTrue(one.run("pool", "create", "--name", "render-farm").out().contains("nothing to do"));
        }
        try (CloudHarness four = new CloudHarness(Scenario.DEFAULT, dir)) {
            CloudHarness.Run run = four.run("pool", "create", "--name", "other");
            assertEquals(2, run.status());
            assertTrue(run.err().contains("option --name: this host is the master of a pool of 4 hosts already"), run.err());
        }
    }
}
