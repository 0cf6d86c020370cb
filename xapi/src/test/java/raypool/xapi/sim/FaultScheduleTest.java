package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import raypool.xapi.client.PoolApi;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiSettings;
import raypool.xapi.client.XapiTransportException;

/** A FaultSpec armed in the pool: timed faults fire at their time, p=F ones are drawn from the seed. */
class FaultScheduleTest {
    private final SimClock.Manual clock = new SimClock.Manual(1_700_000_000_000L);

    private SimPool pool(String faults, long seed) {
        SimConfig config = SimConfig.defaultStand("root", "pw").withSeed(seed).withFaults(FaultSpec.parse(faults));
        return new SimPool(config, clock, TraceWorkload.synthetic(seed, config.vms(), clock.nowMillis()));
    }

    private static SimVm smallGuest(SimPool pool, int host) {
        SimHost h = pool.hostList().get(host - 1);
        return pool.vmList().stream().filter(v -> !v.controlDomain && v.running() && !v.localDisk
                && v.residentOn.equals(h.ref)).min(java.util.Comparator.comparingLong(v -> v.memoryBytes)).orElseThrow();
    }

    private static String status(SimPool pool, String task) {
        return pool.read(() -> pool.record("task", task).orElseThrow().get("status").toString());
    }

    @Test
    void timedFaultsFireOnceAtTheirTime() {
        SimPool pool = pool("session-invalid@20s,events-lost@40s,http500@45s", 42);
        List<String> fired = new ArrayList<>();
        pool.faults().onFired(fired::add);
        SimSession s = pool.session(pool.login("root", "pw", "t"));
        pool.faults().tick(Duration.ofSeconds(19));
        assertEquals(s, pool.session(s.ref()), "nothing before its time");
        pool.faults().tick(Duration.ofSeconds(20));
        assertThrows(SimError.class, () -> pool.session(s.ref()), "every session ended at 20 s");
        assertFalse(pool.faults().takeEventsLost());
        pool.faults().tick(Duration.ofSeconds(46));
        assertTrue(pool.faults().takeEventsLost());
        assertFalse(pool.faults().takeEventsLost(), "once");
        assertTrue(pool.faults().takeHttp500());
        assertFalse(pool.faults().takeHttp500());
        pool.faults().tick(Duration.ofSeconds(100));
        assertEquals(3, fired.size(), fired.toString());
        assertTrue(fired.getFirst().startsWith("fault session-invalid@20s: "), fired.getFirst());
    }

    @Test
    void hostOfflineFailsTheMigrationsItTouches() {
        SimPool pool = pool("host-offline:host-3@50s", 42);
        SimSession s = pool.session(pool.login("root", "pw", "t"));
        SimHost host3 = pool.hostList().get(2);
        SimVm vm = smallGuest(pool, 1);
        String task = pool.startMigration(s, vm.ref, host3.ref);
        pool.faults().tick(Duration.ofSeconds(50));
        assertEquals("failure", status(pool, task));
        assertEquals(List.of("HOST_OFFLINE", host3.ref), pool.read(() -> pool.record("task", task).orElseThrow()
                .get("error_info")));
        assertFalse(host3.live);
        assertEquals(pool.hostList().getFirst().ref, vm.residentOn, "the VM stayed where it was");
        SimError refused = assertThrows(SimError.class, () -> pool.startMigration(s, smallGuest(pool, 2).ref, host3.ref));
        assertEquals("HOST_OFFLINE", refused.code());
    }

    @Test
    void aTimedTaskFailFailsTheMigrationInFlightOrTheNextOne() {
        SimPool pool = pool("task-fail@10s,task-fail:INTERNAL_ERROR@20s", 42);
        SimSession s = pool.session(pool.login("root", "pw", "t"));
        SimVm vm = smallGuest(pool, 1);
        String first = pool.startMigration(s, vm.ref, pool.hostList().get(3).ref);
        pool.faults().tick(Duration.ofSeconds(10));
        assertEquals("failure", status(pool, first));
        List<?> info = (List<?>) pool.read(() -> pool.record("task", first).orElseThrow().get("error_info"));
        assertEquals(List.of("VM_MIGRATE_FAILED", vm.ref, pool.hostList().get(0).ref, pool.hostList().get(3).ref,
                "simulated failure"), info);
        pool.faults().tick(Duration.ofSeconds(20)); // nothing in flight: armed for the next one
        String second = pool.startMigration(s, vm.ref, pool.hostList().get(3).ref);
        clock.advanceBy(Duration.ofMinutes(1));
        pool.advance();
        assertEquals("failure", status(pool, second));
        assertEquals("INTERNAL_ERROR", ((List<?>) pool.read(() -> pool.record("task", second).orElseThrow()
                .get("error_info"))).getFirst());
    }

    @Test
    void perCallDrawsAreReproducibleFromTheSeed() {
        List<Boolean> a = draws(pool("http500@p=0.3", 7));
        List<Boolean> b = draws(pool("http500@p=0.3", 7));
        List<Boolean> c = draws(pool("http500@p=0.3", 8));
        assertEquals(a, b, "same seed, same faults");
        assertFalse(a.equals(c), "another seed, other faults");
        long hits = a.stream().filter(x -> x).count();
        assertTrue(hits > 40 && hits < 80, "about 30 % of 200: " + hits);
    }

    private static List<Boolean> draws(SimPool pool) {
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            out.add(pool.faults().takeHttp500());
        }
        return out;
    }

    @Test
    void overHttpBothProtocolsSeeTheFaults() throws Exception {
        SimConfig config = SimConfig.defaultStand("root", "pw").withFaults(FaultSpec.parse("http500@p=1"));
        try (SimServer server = SimServer.start(SimPool.create(config), 0)) {
            XapiTransportException e = assertThrows(XapiTransportException.class,
                    () -> XapiClient.login(XapiSettings.of(server.url(), "root", "pw")));
            assertTrue(e.getMessage().contains("500"), e.getMessage());
            HttpResponse<String> xml = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url())
                    .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(
                            "<?xml version=\"1.0\"?><methodCall><methodName>session.login_with_password</methodName>"
                                    + "<params><param><value>root</value></param><param><value>pw</value></param>"
                                    + "</params></methodCall>")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(500, xml.statusCode());
        }
    }

    @Test
    void sessionInvalidOnEachCallIsRecoveredByTheClient() throws Exception {
        SimConfig config = SimConfig.defaultStand("root", "pw").withFaults(FaultSpec.parse("session-invalid@p=0.5"));
        try (SimServer server = SimServer.start(SimPool.create(config), 0);
             XapiClient client = XapiClient.login(XapiSettings.of(server.url(), "root", "pw"))) {
            PoolApi api = new PoolApi(client);
            int ok = 0;
            for (int i = 0; i < 20; i++) {
                try {
                    api.hosts();
                    ok++;
                } catch (XapiError.SessionInvalid e) {
                    // the client logs in again once; twice in a row is possible at p=0.5
                }
            }
            assertTrue(ok >= 10, "most calls get through after a fresh login: " + ok);
        }
    }
}
