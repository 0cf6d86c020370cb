package raypool.xapi.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import raypool.xapi.rrd.HostLoad;
import raypool.xapi.rrd.RrdClient;
import raypool.xapi.rrd.RrdFormat;
import raypool.xapi.rrd.RrdUpdates;

/**
 * Read-only checks against a real pool. Runs only with XAPI_URL set, e.g.
 * {@code XAPI_URL=https://master XAPI_USER=root XAPI_PASSWORD_FILE=pw XAPI_PIN_SHA256=AB:CD:.. ./mvnw -pl xapi test -Dgroups=live}.
 * Never migrates or changes anything.
 */
@Tag("live")
@EnabledIfEnvironmentVariable(named = "XAPI_URL", matches = ".+")
class LivePoolTest {

    private static XapiSettings settings() throws Exception {
        String user = System.getenv().getOrDefault("XAPI_USER", "root");
        String password = Files.readAllLines(Path.of(System.getenv("XAPI_PASSWORD_FILE"))).getFirst();
        XapiSettings s = XapiSettings.of(URI.create(System.getenv("XAPI_URL")), user, password);
        String pin = System.getenv("XAPI_PIN_SHA256");
        return pin == null || pin.isBlank() ? s : s.withTls(TlsPolicy.PinnedSha256.parse(pin));
    }

    @Test
    void readsThePoolItsEventsAndItsMetrics() throws Exception {
        try (XapiClient client = XapiClient.login(settings())) {
            PoolApi api = new PoolApi(client);
            assertFalse(api.hosts().isEmpty());
            assertFalse(api.vms().isEmpty());
            api.hostMetrics();
            api.vmMetrics();
            EventWatcher events = new EventWatcher(client, List.of("host"));
            assertFalse(events.next(Duration.ofSeconds(1)).events().isEmpty());
            events.next(Duration.ofSeconds(2));
            RrdClient rrd = RrdClient.sharing(client);
            long start = System.currentTimeMillis() / 1000 - 60;
            for (RrdFormat format : RrdFormat.values()) {
                RrdUpdates u = rrd.fetch(client, start, 5, format);
                HostRecord master = api.hosts().values().iterator().next();
                assertTrue(HostLoad.of(u, master.uuid()).cpus() > 0 || u.columns().stream()
                        .anyMatch(c -> c.ownerType().equals("host")), format + ": no host sources");
            }
        }
    }
}
