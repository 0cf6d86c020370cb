package raypool.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.xapi.sim.Scenario;

/** The connection options and bad input: one line naming the option or file, exit 2, no stack trace. */
class CloudMainTest {
    @TempDir
    Path dir;

    private static void badInput(CloudHarness.Run run, String expected) {
        assertEquals(2, run.status(), run.out() + run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        assertEquals("", run.out());
    }

    @Test
    void simulateRunsAScenarioInProcessAndAnswersJson() throws Exception {
        CloudHarness.Run run = CloudHarness.raw("--simulate", "--scenario", "licence-trap", "--audit-log",
                dir.resolve("a").toString(), "licence", "audit", "--json");
        assertEquals(0, run.status(), run.err());
        assertEquals("LICENCE_EXPIRED", new ObjectMapper().readTree(run.out()).get("findings").get(0).get("code").asText());
    }

    @Test
    void theConnectionOptionsAreCheckedAndNamed() throws Exception {
        badInput(CloudHarness.raw("pool", "status"), "option --simulate: give either --simulate or --url");
        badInput(CloudHarness.raw("--simulate", "--url", "https://x", "pool", "status"), "give either --simulate or --url");
        badInput(CloudHarness.raw("--simulate", "--scenario", "nope", "pool", "status"),
                "option --scenario: no scenario 'nope' (one of: " + Scenario.labels() + ")");
        badInput(CloudHarness.raw("--url", "ftp://x", "pool", "status"), "option --url: 'ftp://x' must be https://host");
        badInput(CloudHarness.raw("--url", "http://xen.example", "--password-file", "p", "pool", "status"),
                "option --url: plain HTTP to xen.example would send the password");
        badInput(CloudHarness.raw("--url", "https://xen.example", "pool", "status"), "option --password-file: --url needs");
        badInput(CloudHarness.raw("--url", "https://xen.example", "--password-file", dir.resolve("none").toString(),
                "pool", "status"), "option --password-file: " + dir.resolve("none") + ": no such file");
        Path empty = Files.writeString(dir.resolve("empty"), "");
        badInput(CloudHarness.raw("--url", "https://xen.example", "--password-file", empty.toString(), "pool", "status"),
                empty + ":1: the password is empty");
        badInput(CloudHarness.raw("--simulate", "pool", "frobnicate"), "Unmatched argument");
    }

    @Test
    void aWrongPasswordIsBadInputNamingTheUrlUserAndFile() throws Exception {
        try (CloudHarness pool = new CloudHarness(Scenario.DEFAULT, dir)) {
            Path wrong = Files.writeString(dir.resolve("wrong"), "nope\n");
            CloudHarness.Run run = CloudHarness.raw("--url", pool.server.url().toString(), "--user", "root", "--password-file",
                    wrong.toString(), "pool", "status");
            badInput(run, "cannot log in to " + pool.server.url() + " as root: the pool refused the user name or the password in "
                    + wrong + " (SESSION_AUTHENTICATION_FAILED)");
        }
    }

    @Test
    void nothingListensIsExit1WithTheAddress() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path pw = Files.writeString(dir.resolve("pw"), "x\n");
        CloudHarness.Run run = CloudHarness.raw("--url", "http://127.0.0.1:" + port, "--password-file", pw.toString(),
                "pool", "status");
        assertEquals(1, run.status(), run.err());
        assertTrue(run.err().contains("connection refused (is XAPI listening on 127.0.0.1:" + port + "?)"), run.err());
    }
}
