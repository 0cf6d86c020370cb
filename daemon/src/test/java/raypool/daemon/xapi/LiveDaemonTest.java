package raypool.daemon.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.AuditLog;
import raypool.daemon.BalancerDaemon;
import raypool.daemon.DaemonConfig;
import raypool.xapi.client.TlsPolicy;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiSettings;

/**
 * Two daemon rounds against a real pool in recommend mode: reads and plans, never migrates. Runs only
 * with XAPI_URL set (same variables as LivePoolTest). Never run so far: no pool was reachable.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(named = "XAPI_URL", matches = ".+")
class LiveDaemonTest {
    @TempDir
    Path dir;

    @Test
    void recommendsWithoutMigrating() throws Exception {
        String user = System.getenv().getOrDefault("XAPI_USER", "root");
        String password = Files.readAllLines(Path.of(System.getenv("XAPI_PASSWORD_FILE"))).getFirst();
        XapiSettings settings = XapiSettings.of(URI.create(System.getenv("XAPI_URL")), user, password);
        String pin = System.getenv("XAPI_PIN_SHA256");
        if (pin != null && !pin.isBlank()) {
            settings = settings.withTls(TlsPolicy.PinnedSha256.parse(pin));
        }
        Path audit = dir.resolve("audit.jsonl");
        DaemonConfig config = DaemonConfig.defaults().with("audit", audit.toString()).with("status-port", "-1");
        try (XapiClient client = XapiClient.login(settings);
             BalancerDaemon daemon = new BalancerDaemon(config, new XapiPoolReader(client),
                     new XapiMigrationExecutor(client), new AuditLog(audit))) {
            daemon.runRound();
            daemon.runRound();
        }
        var lines = AuditLog.read(audit);
        assertEquals(2, lines.of(AuditEvent.Round.class).size(), lines::toString);
        assertTrue(lines.of(AuditEvent.MigrationRequested.class).isEmpty());
        assertTrue(!Files.readString(audit).contains(password));
    }
}
