package raypool.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.cloud.view.HostView;
import raypool.cloud.view.VmView;
import raypool.xapi.client.XapiError;
import raypool.xapi.sim.Scenario;

class BootAndAuthCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    @Test
    void fixBootAllFixesTheUbuntuGuestsInOnePassAndTheyStart() throws Exception {
        try (CloudHarness pool = new CloudHarness(Scenario.UBUNTU, dir)) {
            VmView ubuntu = pool.view().vmsNamed("ubuntu-1").getFirst();
            XapiError before = assertThrows(XapiError.class, () -> pool.client().call("VM.start", ubuntu.ref(), false, false));
            assertEquals("INVALID_SOURCE", before.code());

            CloudHarness.Run dry = pool.run("vm", "fix-boot", "--all", "--dry-run");
            assertEquals(0, dry.status(), dry.err());
            assertTrue(dry.out().contains("ubuntu-3         Halted   (PV)        -      would fix"), dry.out());
            assertEquals("", pool.view().vmsNamed("ubuntu-1").getFirst().hvmBootPolicy(), "--dry-run changed nothing");

            CloudHarness.Run fix = pool.run("vm", "fix-boot", "--all", "--json");
            assertEquals(0, fix.status(), fix.err());
            JsonNode report = JSON.readTree(fix.out());
            assertEquals(6, report.get("change").get("steps").size(), "two calls for each of the three VMs");
            long fixed = 0;
            for (JsonNode v : report.get("vms")) {
                fixed += v.get("verdict").asText().equals("FIXED") ? 1 : 0;
            }
            assertEquals(3, fixed);
            for (String name : Scenario.UBUNTU_VMS) {
                VmView vm = pool.view().vmsNamed(name).getFirst();
                assertEquals("BIOS order", vm.hvmBootPolicy());
                assertEquals("dc", vm.hvmBootParams().get("order"));
                pool.client().call("VM.start", vm.ref(), false, false);
            }
            assertEquals(6, pool.audit().size());
            CloudHarness.Run again = pool.run("vm", "fix-boot", "--vm", "ubuntu-1", "--vm", "ubuntu-2");
            assertTrue(again.out().contains("already fixed") && again.out().contains("nothing to do"), again.out());
            assertEquals(6, pool.audit().size());
        }
    }

    @Test
    void fixBootNeedsVmOrAllAndNamesAnUnknownVm() {
        try (CloudHarness pool = new CloudHarness(Scenario.DEFAULT, dir)) {
            CloudHarness.Run none = pool.run("vm", "fix-boot");
            assertEquals(2, none.status());
            assertTrue(none.err().contains("--vm") && none.err().contains("--all"), none.err());
            CloudHarness.Run both = pool.run("vm", "fix-boot", "--all", "--vm", "x");
            assertEquals(2, both.status());
            CloudHarness.Run unknown = pool.run("vm", "fix-boot", "--vm", "ghost");
            assertEquals(2, unknown.status());
            assertTrue(unknown.err().contains("option --vm: no VM 'ghost'"), unknown.err());
        }
    }

    @Test
    void authEnsureRejoinsTheHostARebootDroppedAndThenDoesNothing() throws Exception {
        try (CloudHarness pool = new CloudHarness(Scenario.REBOOTED, dir)) {
            Path secret = Files.writeString(dir.resolve("ad"), Scenario.DOMAIN_PASSWORD + "\n");
            CloudHarness.Run status = pool.run("auth", "status", "--json");
            JsonNode s = JSON.readTree(status.out());
            assertEquals("PARTIAL", s.get("state").asText());
            assertEquals("host-2", s.get("missing").get(0).asText());

            String[] ensure = {"auth", "ensure", "--domain", Scenario.DOMAIN, "--user", Scenario.DOMAIN_USER,
                "--password-file", secret.toString()};
            CloudHarness.Run dry = pool.run(concat(ensure, "--dry-run"));
            assertEquals(0, dry.status(), dry.err());
            assertTrue(dry.out().contains("pass=***") && !dry.out().contains(Scenario.DOMAIN_PASSWORD), dry.out());
            assertEquals("", pool.view().hosts().get(1).externalAuth());

            CloudHarness.Run run = pool.run(ensure);
            assertEquals(0, run.status(), run.err());
            for (HostView h : pool.view().hosts()) {
                assertEquals("AD", h.externalAuth(), h.name());
            }
            assertFalse(Files.readString(pool.auditLog).contains(Scenario.DOMAIN_PASSWORD), "no password in the audit log");
            assertTrue(pool.run(ensure).out().contains("nothing to do"));
            assertEquals(2, pool.audit().size());

            HostView h3 = pool.view().hosts().get(2);
            pool.client().call("host.disable", h3.ref());
            assertEquals("HOST_IN_USE", assertThrows(XapiError.class, () -> pool.client().call("host.reboot", h3.ref())).code());
        }
    }

    @Test
    void authEnsureExplainsWrongCredentialsAndRefusesAnotherDomainOrAMissingFile() throws Exception {
        try (CloudHarness pool = new CloudHarness(Scenario.DEFAULT, dir)) {
            Path wrong = Files.writeString(dir.resolve("wrong"), "nope\n");
            CloudHarness.Run refused = pool.run("auth", "ensure", "--domain", Scenario.DOMAIN, "--user", "administrator",
                    "--password-file", wrong.toString());
            assertEquals(1, refused.status());
            assertTrue(refused.err().contains("AUTH_ENABLE_FAILED_WRONG_CREDENTIALS"), refused.err());
            CloudHarness.Run missing = pool.run("auth", "ensure", "--domain", Scenario.DOMAIN, "--user", "administrator",
                    "--password-file", dir.resolve("absent").toString());
            assertEquals(2, missing.status());
            assertTrue(missing.err().contains("option --password-file: " + dir.resolve("absent") + ": no such file"), missing.err());
        }
        try (CloudHarness pool = new CloudHarness(Scenario.REBOOTED, dir)) {
            CloudHarness.Run other = pool.run("auth", "ensure", "--domain", "OTHER.EXAMPLE", "--user", "administrator",
                    "--password-file", pool.passwordFile.toString());
            assertEquals(2, other.status());
            assertTrue(other.err().contains("option --domain: the pool's hosts are joined to CORP.EXAMPLE"), other.err());
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
