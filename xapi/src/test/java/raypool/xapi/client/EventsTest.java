package raypool.xapi.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import raypool.xapi.sim.SimFixture;

class EventsTest {
    private SimFixture sim;
    private XapiClient client;

    @BeforeEach
    void start() {
        sim = SimFixture.start(100);
        client = sim.login();
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void firstCallListsEveryObjectWithValidRefCounts() {
        EventWatcher watcher = new EventWatcher(client, List.of("vm", "host"));
        EventBatch batch = watcher.next(Duration.ofSeconds(1));
        long vms = batch.events().stream().filter(e -> e.objectClass().equals("vm")).count();
        assertEquals(client.call("VM.get_all").size(), vms);
        assertEquals(vms, batch.validRefCounts().get("vm"));
        assertEquals(4L, batch.validRefCounts().get("host"));
        assertTrue(batch.events().stream().allMatch(e -> e.operation().equals("add") && e.snapshot().isPresent()));
        assertFalse(watcher.token().isEmpty());
    }

    @Test
    void migrationProducesTaskProgressVmAndHostEvents() {
        EventWatcher watcher = new EventWatcher(client, List.of("vm", "host", "task"));
        watcher.next(Duration.ofSeconds(1));
        PoolApi api = new PoolApi(client);
        SimFixture.Move move = SimFixture.smallestMove(api);
        api.migrate(move.vm().ref(), move.target().ref(), Duration.ofSeconds(30));

        List<XapiEvent> events = watcher.next(Duration.ofSeconds(1)).events();
        assertTrue(events.stream().anyMatch(e -> e.objectClass().equals("task") && e.operation().equals("add")));
        assertTrue(events.stream().anyMatch(e -> e.objectClass().equals("task") && e.operation().equals("mod")
                && e.snapshot().orElseThrow().path("status").asText().equals("success")));
        assertTrue(events.stream().anyMatch(e -> e.objectClass().equals("task") && e.operation().equals("del")
                && e.snapshot().isEmpty()));
        assertTrue(events.stream().anyMatch(e -> e.objectClass().equals("vm") && e.ref().equals(move.vm().ref())
                && e.snapshot().orElseThrow().path("resident_on").asText().equals(move.target().ref().value())));
        assertTrue(events.stream().anyMatch(e -> e.objectClass().equals("host") && e.ref().equals(move.target().ref())));
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).id() > events.get(i - 1).id(), "events arrive in order");
        }
    }

    @Test
    void injectWakesAWaitingLongPollWhileOtherCallsAreServed() throws Exception {
        EventWatcher watcher = new EventWatcher(client, List.of("pool"));
        watcher.next(Duration.ofSeconds(1));
        Ref pool = new Ref(client.call("pool.get_all").get(0).asText());
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<EventBatch> longPoll = CompletableFuture.supplyAsync(
                    () -> watcher.next(Duration.ofSeconds(30)), executor);
            for (int i = 0; i < 20; i++) {
                assertEquals(4, client.call("host.get_all").size());
            }
            assertFalse(longPoll.isDone(), "the long poll is still open while 20 calls were answered");
            client.call("event.inject", "pool", pool);
            EventBatch batch = longPoll.get(20, TimeUnit.SECONDS);
            assertEquals(1, batch.events().size());
            assertEquals(pool, batch.events().getFirst().ref());
            assertEquals("mod", batch.events().getFirst().operation());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void manyClientsAreServedInParallelWhileLongPollsAreOpen() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(12);
        try {
            List<CompletableFuture<EventBatch>> polls = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                EventWatcher watcher = new EventWatcher(client, List.of("pool"));
                watcher.next(Duration.ofSeconds(1));
                polls.add(CompletableFuture.supplyAsync(() -> watcher.next(Duration.ofSeconds(30)), executor));
            }
            List<CompletableFuture<Integer>> calls = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                calls.add(CompletableFuture.supplyAsync(() -> {
                    int answered = 0;
                    for (int i = 0; i < 25; i++) {
                        answered += client.call("VM.get_all").size() > 40 ? 1 : 0;
                    }
                    return answered;
                }, executor));
            }
            for (CompletableFuture<Integer> c : calls) {
                assertEquals(25, c.get(30, TimeUnit.SECONDS));
            }
            assertTrue(polls.stream().noneMatch(CompletableFuture::isDone), "long polls still open");
            client.call("event.inject", "pool", new Ref(client.call("pool.get_all").get(0).asText()));
            for (CompletableFuture<EventBatch> p : polls) {
                assertEquals(1, p.get(20, TimeUnit.SECONDS).events().size());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void replyTimeoutIsLongerThanTheEventTimeout() {
        try (XapiClient impatient = XapiClient.login(sim.settings().withCallTimeout(Duration.ofMillis(300)))) {
            EventWatcher watcher = new EventWatcher(impatient, List.of("pool"));
            watcher.next(Duration.ofSeconds(1));
            String token = watcher.token();
            EventBatch quiet = watcher.next(Duration.ofSeconds(1));
            assertTrue(quiet.events().isEmpty(), "nothing happened to the pool object");
            assertEquals(token, quiet.token());
        }
    }

    @Test
    void eventsLostIsTypedAndAFreshStartRecovers() {
        EventWatcher watcher = new EventWatcher(client, List.of("host"));
        watcher.next(Duration.ofSeconds(1));
        sim.faults().loseEventsOnce();
        assertThrows(XapiError.EventsLost.class, () -> watcher.next(Duration.ofSeconds(1)));
        watcher.reset();
        assertEquals(4, watcher.next(Duration.ofSeconds(1)).events().size());
    }

    @Test
    void aTokenThatIsNoTokenIsRejectedWithItsCode() {
        XapiError e = assertThrows(XapiError.class, () -> client.call("event.from", List.of("*"), "garbage", 0.1));
        assertEquals("EVENT_FROM_TOKEN_PARSE_FAILURE", e.code());
        assertEquals(List.of("garbage"), e.params());
        assertTrue(client.call("event.from", List.of("*"), "", 0.1).path("events").size() > 40);
    }
}
