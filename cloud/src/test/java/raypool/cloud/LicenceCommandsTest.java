package raypool.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.cloud.audit.AuditRecord;
import raypool.cloud.view.HostView;
import raypool.cloud.view.VmView;
import raypool.xapi.client.XapiError;
import raypool.xapi.sim.Scenario;
import raypool.xapi.sim.SimPool;

class LicenceCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static List<String> codes(CloudHarness.Run run) throws Exception {
        List<String> out = new ArrayList<>();
        JSON.readTree(run.out()).get("findings").forEach(f -> out.add(f.get("code").asText() + " " + f.get("subject").asText()));
        return out;
    }

    @Test
    void theLicenceTrapEndToEnd() throws Exception {
        try (CloudHarness pool = new CloudHarness(Scenario.LICENCE_TRAP, dir)) {
            VmView licence = pool.view().vmsNamed(SimPool.LICENCE_SERVER_VM).getFirst();
            assertFalse(licence.running());
            XapiError refused = assertThrows(XapiError.class,
                    () -> pool.client().call("VM.start", licence.ref(), false, false));
            assertEquals("LICENSE_EXPIRED", refused.code(), "with the trial expired, not even the licence server starts");

            CloudHarness.Run audit = pool.run("licence", "audit", "--json");
            assertEquals(0, audit.status(), audit.err());
            List<String> codes = codes(audit);
            assertTrue(codes.contains("LICENCE_EXPIRED host-1"), codes.toString());
            assertTrue(codes.contains("LICENCE_SERVER_IN_POOL " + SimPool.LICENCE_SERVER_VM), codes.toString());
            assertTrue(codes.contains("LICENCE_SERVER_DOWN " + SimPool.LICENCE_SERVER_VM), codes.toString());

            CloudHarness.Run dry = pool.run("licence", "recover", "--dry-run");
            assertEquals(0, dry.status(), dry.err());
            assertTrue(dry.out().contains("host.apply_edition(host-1, \"free\")"), dry.out());
            assertTrue(dry.out().indexOf("\"free\"") < dry.out().indexOf("VM.start(licence-server")
                    && dry.out().indexOf("VM.start(licence-server") < dry.out().indexOf("\"platinum\""),
                    "free first, then the licence server, then the paid edition: " + dry.out());
            assertEquals("platinum", pool.view().hosts().getFirst().edition(), "--dry-run changed nothing");
            assertTrue(pool.audit().isEmpty());

            CloudHarness.Run recover = pool.run("licence", "recover");
            assertEquals(0, recover.status(), recover.err());
            for (HostView h : pool.view().hosts()) {
                assertEquals("platinum", h.edition());
                assertTrue(h.expiry().orElseThrow().isAfter(pool.view().serverTime()));
            }
            assertTrue(pool.view().vmsNamed(SimPool.LICENCE_SERVER_VM).getFirst().running());
            assertEquals(9, pool.audit().size());
            assertTrue(pool.audit().stream().allMatch(r -> r.outcome() == AuditRecord.Outcome.DONE));
            VmView halted = pool.view().vms().stream().filter(v -> v.guest() && !v.running()).findFirst().orElseThrow();
            pool.client().call("VM.start", halted.ref(), false, false);
            assertTrue(pool.view().vm(halted.ref()).orElseThrow().running(), "VMs start again");

            CloudHarness.Run again = pool.run("licence", "recover");
            assertEquals(0, again.status());
            assertTrue(again.out().contains("nothing to do"), again.out());
            assertEquals(9, pool.audit().size());
            List<String> after = codes(pool.run("licence", "audit", "--json"));
            assertFalse(after.stream().anyMatch(c -> c.startsWith("LICENCE_EXPIRED") || c.startsWith("LICENCE_SERVER_DOWN")),
                    after.toString());
        }
    }

    @Test
    void auditReportsExpiringAndMixedEditionsWithTheirCodes() throws Exception {
        try (CloudHarness pool = new CloudHarness(Scenario.EXPIRING, dir)) {
            List<String> codes = codes(pool.run("licence", "audit", "--json"));
            assertTrue(codes.contains("LICENCE_EXPIRES_SOON host-1"), codes.toString());
            assertFalse(codes.contains("LICENCE_EXPIRES_SOON host-4"), "200 days left is not soon");
            assertTrue(codes.stream().anyMatch(c -> c.startsWith("LICENCE_EDITIONS_MIXED")), codes.toString());
            List<String> narrow = codes(pool.run("licence", "audit", "--json", "--soon-days", "5"));
            assertFalse(narrow.stream().anyMatch(c -> c.startsWith("LICENCE_EXPIRES_SOON")), narrow.toString());
            CloudHarness.Run bad = pool.run("licence", "audit", "--soon-days", "-1");
            assertEquals(2, bad.status());
            assertTrue(bad.err().contains("option --soon-days"), bad.err());
        }
    }

    @Test
    void aRefusedStepStopsWithExit1TheCodeAndWhatItMeansAndIsAudited() throws Exception {
        try (CloudHarness pool = new CloudHarness(Scenario.LICENCE_TRAP, dir)) {
            for (HostView h : pool.view().hosts()) {
                pool.client().call("host.disable", h.ref());
            }
            CloudHarness.Run run = pool.run("licence", "recover");
            assertEquals(1, run.status(), run.out());
            assertTrue(run.err().contains("VM.start(licence-server, false, false): NO_HOSTS_AVAILABLE"), run.err());
            assertTrue(run.err().contains("no host is live, enabled and has room"), run.err());
            AuditRecord last = pool.audit().getLast();
            assertEquals(AuditRecord.Outcome.REFUSED, last.outcome());
            assertEquals("NO_HOSTS_AVAILABLE []", last.error().orElseThrow());
            JsonNode hosts = JSON.readTree(pool.run("pool", "status", "--json").out()).get("hosts");
            assertEquals("free", hosts.get(0).get("edition").asText(), "the steps before the refusal were made");
        }
    }
}
