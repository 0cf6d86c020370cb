package raypool.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.AuditLog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's rules with the pool in memory: two hosts, the first overloaded. Migrations stay pending
 * until the test finishes them, so the concurrency bound is seen from the inside.
 */
class BalancerDaemonTest {
    @TempDir
    Path dir;

    /** host a holds 8 busy VMs of 8 vCPUs on 64 threads (100 %), host b is empty. */
    static final class FakePool implements PoolReader, MigrationExecutor {
        long time = 1_700_000_000_000L;
        final Map<String, String> where = new HashMap<>();
        final Map<String, String[]> pending = new HashMap<>();
        final List<String> starts = new ArrayList<>();
        final List<String> cancels = new ArrayList<>();
        int task;
        boolean refuse;
        boolean unreachable;

        FakePool() {
            for (int v = 0; v < 8; v++) {
                where.put("v" + v, "a");
            }
        }

        @Override
        public PoolState read() {
            time += 300_000;
            if (unreachable) {
                throw new PoolUnavailableException("HTTP 500 from the pool", null);
            }
            List<PoolState.Vm> vms = new ArrayList<>();
            for (int v = 0; v < 8; v++) {
                String key = "v" + v;
                boolean moving = pending.values().stream().anyMatch(p -> p[0].equals(key));
                vms.add(PoolState.Vm.simple(key, "vm-" + v, 8, 8L << 30, where.get(key),
                        moving ? Optional.of("pool_migrate") : Optional.empty(), PoolState.Samples.of(time, 1.0)));
            }
            long total = 256L << 30;
            long freeA = total - 8L * (8L << 30) + (where.values().stream().filter("b"::equals).count() << 33);
            long freeB = total - (where.values().stream().filter("b"::equals).count() << 33);
            return PoolState.of(time, List.of(
                    PoolState.Host.simple("a", "host-a", 64, total, freeA, true, true, PoolState.Samples.of(time, 0.9)),
                    PoolState.Host.simple("b", "host-b", 64, total, freeB, true, true, PoolState.Samples.of(time, 0.1))),
                    vms);
        }

        @Override
        public String start(String vm, String host) {
            if (refuse) {
                throw new MigrationRefusedException("VM_REQUIRES_SR", "VM.pool_migrate failed: VM_REQUIRES_SR");
            }
            starts.add(vm);
            String t = "t" + task++;
            pending.put(t, new String[] {vm, host});
            return t;
        }

        @Override
        public TaskStatus poll(String t) {
            return pending.containsKey(t) ? new Pending(0.5) : new Succeeded();
        }

        @Override
        public void cancel(String t) {
            cancels.add(t);
            pending.remove(t);
        }

        void finishAll() {
            pending.values().forEach(p -> where.put(p[0], p[1]));
            pending.clear();
        }
    }

    private BalancerDaemon daemon(FakePool pool, String... settings) {
        DaemonConfig c = DaemonConfig.defaults().with("audit", dir.resolve("audit.jsonl").toString())
                .with("status-port", "-1").with("policy", "wlb-performance");
        for (int i = 0; i + 1 < settings.length; i += 2) {
            c = c.with(settings[i], settings[i + 1]);
        }
        return new BalancerDaemon(c, pool, pool, new AuditLog(c.audit()));
    }

    private <T extends AuditEvent> List<T> events(Class<T> kind) {
        return AuditLog.read(dir.resolve("audit.jsonl")).of(kind);
    }

    @Test
    void recommendModeNeverMigrates() {
        FakePool pool = new FakePool();
        try (BalancerDaemon d = daemon(pool)) {
            for (int i = 0; i < 6; i++) {
                d.runRound();
            }
        }
        assertTrue(pool.starts.isEmpty());
        assertTrue(events(AuditEvent.Recommend.class).stream().allMatch(r -> r.decision().startsWith("recommend mode")));
        assertTrue(!events(AuditEvent.Recommend.class).isEmpty());
    }

    @Test
    void aRecommendationMustRepeatBeforeItIsApplied() {
        FakePool pool = new FakePool();
        try (BalancerDaemon d = daemon(pool, "mode", "automatic", "repeat-rounds", "3")) {
            int firstRecommendation = -1;
            for (int i = 0; i < 8 && pool.starts.isEmpty(); i++) {
                d.runRound();
                if (firstRecommendation < 0 && !events(AuditEvent.Recommend.class).isEmpty()) {
                    firstRecommendation = d.round();
                }
            }
            assertEquals(firstRecommendation + 2, events(AuditEvent.MigrationStarted.class).getFirst().round(),
                    "applied in the third round in a row that recommended it");
        }
    }

    @Test
    void concurrencyAndCooldown() {
        FakePool pool = new FakePool();
        try (BalancerDaemon d = daemon(pool, "mode", "automatic", "repeat-rounds", "1", "max-concurrent", "1",
                "max-per-round", "4", "max-per-host", "4", "cooldown", "2h", "migration-timeout", "1h")) {
            for (int i = 0; i < 5; i++) {
                d.runRound();
                assertTrue(pool.pending.size() <= 1, "at most one migration in flight");
            }
            assertEquals(1, pool.starts.size(), "the one slot stays taken while the migration runs");
            pool.finishAll();
            for (int i = 0; i < 20; i++) {
                d.runRound();
                pool.finishAll();
            }
            // 25 rounds of 5 minutes in all, within the 2 h cooldown: no VM moves twice
            Map<String, Integer> count = new HashMap<>();
            pool.starts.forEach(v -> count.merge(v, 1, Integer::sum));
            assertTrue(count.values().stream().allMatch(n -> n == 1), "moved twice: " + count);
            assertTrue(pool.starts.size() >= 2, "the pool was balanced by several moves: " + pool.starts);
        }
    }

    @Test
    void overrunRefusalAndAnUnreachablePoolAreAudited() {
        FakePool pool = new FakePool();
        try (BalancerDaemon d = daemon(pool, "mode", "automatic", "repeat-rounds", "1", "max-concurrent", "1",
                "migration-timeout", "12m", "failure-hold", "1h")) {
            d.runRound();
            assertEquals(1, pool.starts.size());
            for (int i = 0; i < 3; i++) {
                d.runRound();
            }
            assertEquals(1, pool.cancels.size(), "cancelled once it ran longer than 12 minutes");
            assertEquals(1, events(AuditEvent.MigrationCancelled.class).size());
            pool.refuse = true;
            d.runRound();
            int startsAtRefusal = pool.starts.size();
            AuditEvent.MigrationRefused refused = events(AuditEvent.MigrationRefused.class).getFirst();
            assertEquals("VM_REQUIRES_SR", refused.code());
            pool.refuse = false;
            pool.unreachable = true;
            d.runRound();
            assertEquals("read", events(AuditEvent.RoundFailed.class).getFirst().stage());
            pool.unreachable = false;
            int rounds = events(AuditEvent.Round.class).size();
            d.runRound();
            assertEquals(rounds + 1, events(AuditEvent.Round.class).size(), "the next round runs normally");
            String refusedVm = refused.vmKey();
            assertTrue(pool.starts.subList(startsAtRefusal, pool.starts.size()).stream().noneMatch(refusedVm::equals),
                    "a refused VM is held, not retried at once");
            assertTrue(!refusedVm.equals(pool.starts.getFirst()), "a cancelled VM is held too");
        }
    }

    @Test
    void statusEndpointServesTheLatestRound() throws Exception {
        FakePool pool = new FakePool();
        try (BalancerDaemon d = daemon(pool); StatusServer server = StatusServer.start(0, d::status)) {
            d.runRound();
            HttpClient http = HttpClient.newHttpClient();
            var ok = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ok.statusCode());
            var status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(ok.body());
            assertEquals(2, status.path("hosts").size());
            assertEquals("host-a", status.path("hosts").get(0).path("name").asText());
            assertTrue(status.path("recommendations").size() > 0 || d.round() == 1);
            var missing = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/x")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
        }
    }
}
