package raypool.xapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import raypool.xapi.sim.SimFixture;

class AsyncTest {

    @Test
    void liveMigrationMovesTheVmReportsProgressAndDestroysItsTask() {
        try (SimFixture sim = SimFixture.start(100); XapiClient client = sim.login()) {
            PoolApi api = new PoolApi(client);
            SimFixture.Move move = SimFixture.smallestMove(api);
            List<Double> progress = new ArrayList<>();
            TaskResult result = new AsyncCalls(client).run("VM.pool_migrate", Duration.ofSeconds(30), progress::add,
                    move.vm().ref(), move.target().ref(), java.util.Map.of("live", "true"));
            assertEquals("", result.result(), "pool_migrate returns void: <value></value>");
            assertEquals(move.target().ref(), api.vms().get(move.vm().ref()).residentOn());
            assertTrue(api.hosts().get(move.target().ref()).residentVms().contains(move.vm().ref()));
            assertEquals(0, client.call("task.get_all").size(), "the task is destroyed");
            assertEquals(1.0, progress.getLast());
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
            }
        }
    }

    @Test
    void overrunningTaskIsCancelledAndDestroyed() {
        try (SimFixture sim = SimFixture.start(1); XapiClient client = sim.login()) {
            PoolApi api = new PoolApi(client);
            SimFixture.Move move = SimFixture.smallestMove(api);
            TaskTimeoutException e = assertThrows(TaskTimeoutException.class,
                    () -> api.migrate(move.vm().ref(), move.target().ref(), Duration.ofMillis(200)));
            assertTrue(e.getMessage().contains("VM.pool_migrate"));
            assertEquals(0, client.call("task.get_all").size());
            sim.pool().advance();
            assertEquals(0, sim.pool().migrationsInFlight(), "cancel stops the copy");
            assertEquals(move.vm().residentOn(), api.vms().get(move.vm().ref()).residentOn());
        }
    }

    @Test
    void failingTaskBecomesTheErrorInItsErrorInfo() {
        try (SimFixture sim = SimFixture.start(100); XapiClient client = sim.login()) {
            PoolApi api = new PoolApi(client);
            SimFixture.Move move = SimFixture.smallestMove(api);
            sim.faults().failNextTask("VM_MIGRATE_FAILED", move.vm().ref().value(), "simulated failure");
            XapiError e = assertThrows(XapiError.class,
                    () -> api.migrate(move.vm().ref(), move.target().ref(), Duration.ofSeconds(30)));
            assertEquals("VM_MIGRATE_FAILED", e.code());
            assertEquals(List.of(move.vm().ref().value(), "simulated failure"), e.params());
            assertEquals("Async.VM.pool_migrate", e.method());
            assertEquals(0, client.call("task.get_all").size());
            assertEquals(move.vm().residentOn(), api.vms().get(move.vm().ref()).residentOn());
        }
    }

    @Test
    void hostGoingOfflineDuringMigrationFailsItAndTheHostIsNoTargetAfterwards() {
        try (SimFixture sim = SimFixture.start(100); XapiClient client = sim.login()) {
            PoolApi api = new PoolApi(client);
            SimFixture.Move move = SimFixture.smallestMove(api);
            sim.faults().hostOfflineDuringNextMigration();
            var e = assertThrows(XapiError.HostOffline.class,
                    () -> api.migrate(move.vm().ref(), move.target().ref(), Duration.ofSeconds(30)));
            assertEquals(move.target().ref().value(), e.host());
            assertEquals(move.vm().residentOn(), api.vms().get(move.vm().ref()).residentOn(), "the VM stays put");
            assertFalse(api.hostMetrics().get(move.target().metrics()).live());
            assertFalse(api.hosts().get(move.target().ref()).enabled());
            assertThrows(XapiError.HostOffline.class,
                    () -> api.migrate(move.vm().ref(), move.target().ref(), Duration.ofSeconds(30)));
        }
    }

    @Test
    void asyncResultIsAnXmlRpcValueOnTheWireAndPlainForTheCaller() {
        try (SimFixture sim = SimFixture.start(100); XapiClient client = sim.login()) {
            Ref host = new Ref(client.call("host.get_all").get(0).asText());
            Ref task = new Ref(client.call("Async.host.compute_free_memory", host).asText());
            String free = client.call("host.compute_free_memory", host).asText();
            assertEquals("<value>" + free + "</value>", client.call("task.get_result", task).asText());
            assertEquals("success", client.call("task.get_status", task).asText());
            client.call("task.destroy", task);
            TaskResult result = new AsyncCalls(client).run("host.compute_free_memory", Duration.ofSeconds(5), host);
            assertEquals(free, result.result());
            assertTrue(Long.parseLong(result.result()) > 0);
            XapiError getter = assertThrows(XapiError.class, () -> client.call("Async.host.get_name_label", host));
            assertEquals("MESSAGE_METHOD_UNKNOWN", getter.code(), "field getters have no Async form in xapi");
        }
    }
}
