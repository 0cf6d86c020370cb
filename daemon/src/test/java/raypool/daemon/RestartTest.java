package raypool.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.daemon.audit.AuditCodec;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.AuditLog;

/**
 * Restart safety from the audit log alone: a daemon runs rounds with migrations that succeed, fail and
 * are refused, then its log is cut at every line (and torn in the middle of the next), and the memory
 * rebuilt from each cut is checked: at round ends it is the running daemon's own memory; at every
 * cut, no migration started and not ended is forgotten, and no VM that moved or may have moved within
 * its cooldown is free to move again.
 */
class RestartTest {
    @TempDir
    Path dir;

    private static MemoryPool hotPool() {
        MemoryPool pool = new MemoryPool();
        pool.host("a", 32, 256 * MemoryPool.GIB);
        pool.host("b", 32, 256 * MemoryPool.GIB);
        pool.host("c", 32, 256 * MemoryPool.GIB);
        for (int v = 0; v < 12; v++) {
            pool.vm("v" + v, 4, 8 * MemoryPool.GIB, "a", 0.8);
        }
        return pool;
    }

    @Test
    void theMemoryRebuiltFromEveryCutOfTheLogIsSafe() throws Exception {
        Path file = dir.resolve("audit.jsonl");
        DaemonConfig config = DaemonConfig.defaults().with("mode", "automatic").with("policy", "wlb-performance")
                .with("repeat-rounds", "1").with("max-concurrent", "3").with("max-per-round", "2")
                .with("max-per-host", "2").with("cooldown", "20m").with("failure-hold", "15m")
                .with("audit", file.toString()).with("status-port", "-1");
        MemoryPool pool = hotPool();
        List<Integer> linesAtRoundEnd = new ArrayList<>();
        List<DaemonMemory> memoryAtRoundEnd = new ArrayList<>();
        List<Long> poolTimeAtRoundEnd = new ArrayList<>();
        try (BalancerDaemon d = new BalancerDaemon(config, pool.ports(), new AuditLog(file), "test")) {
            d.recover();
            for (int round = 0; round < 14; round++) {
                if (round == 2) {
                    pool.refuseNext = 1;
                }
                if (round == 4) {
                    pool.failNext = 1;
                }
                d.runRound();
                linesAtRoundEnd.add(Files.readAllLines(file).size());
                memoryAtRoundEnd.add(d.memory());
                poolTimeAtRoundEnd.add(pool.time);
            }
        }
        List<String> lines = Files.readAllLines(file);
        AuditLog.Contents all = AuditLog.parse(lines);
        assertEquals(0, all.unreadable());
        assertTrue(all.of(AuditEvent.MigrationDone.class).size() >= 3, "the run moved VMs: " + pool.starts);
        assertEquals(1, all.of(AuditEvent.MigrationRefused.class).size());
        assertEquals(1, all.of(AuditEvent.MigrationFailed.class).size());

        // at the end of each round: the rebuilt memory is the daemon's own (streaks aside)
        for (int r = 0; r < linesAtRoundEnd.size(); r++) {
            DaemonMemory rebuilt = RestartRecovery.from(AuditLog.parse(lines.subList(0, linesAtRoundEnd.get(r))), 10)
                    .memory();
            DaemonMemory live = memoryAtRoundEnd.get(r);
            assertEquals(live.inFlight(), rebuilt.inFlight(), "in flight after round " + (r + 1));
            assertEquals(live.powered(), rebuilt.powered());
            long now = poolTimeAtRoundEnd.get(r);
            for (String vm : pool.vms.keySet()) {
                assertEquals(live.resting(vm, now, config.cooldown()), rebuilt.resting(vm, now, config.cooldown()),
                        vm + " after round " + (r + 1));
            }
        }

        // at every line, and torn halfway through the next
        for (int k = 0; k <= lines.size(); k++) {
            List<String> cut = lines.subList(0, k);
            RestartRecovery.Recovered rebuilt = RestartRecovery.from(AuditLog.parse(cut), 10);
            if (k < lines.size()) {
                List<String> torn = new ArrayList<>(cut);
                String next = lines.get(k);
                torn.add(next.substring(0, next.length() / 2));
                RestartRecovery.Recovered fromTorn = RestartRecovery.from(AuditLog.parse(torn), 10);
                assertEquals(1, fromTorn.unreadable(), "the torn line is skipped, line " + (k + 1));
                assertEquals(rebuilt.memory(), fromTorn.memory(), "a torn line changes nothing, line " + (k + 1));
            }
            checkSafe(AuditLog.parse(cut).events(), rebuilt.memory(), config);
        }
    }

    /** What any log prefix must leave the daemon knowing, recomputed here from the events themselves. */
    private static void checkSafe(List<AuditEvent> events, DaemonMemory memory, DaemonConfig config) {
        Map<String, String> started = new HashMap<>();
        Set<String> requested = new HashSet<>();
        Map<String, Long> moved = new HashMap<>();
        long now = events.isEmpty() ? 0 : events.getLast().poolTime().toEpochMilli();
        for (AuditEvent e : events) {
            switch (e) {
                case AuditEvent.MigrationRequested r -> requested.add(r.vmKey());
                case AuditEvent.MigrationStarted s -> {
                    requested.remove(s.vmKey());
                    started.put(s.vmKey(), s.task());
                }
                case AuditEvent.MigrationRefused r -> requested.remove(r.vmKey());
                case AuditEvent.MigrationDone d -> {
                    started.remove(d.vmKey());
                    moved.put(d.vmKey(), d.poolTime().toEpochMilli());
                }
                case AuditEvent.MigrationFailed f -> started.remove(f.vmKey());
                case AuditEvent.MigrationCancelled c -> started.remove(c.vmKey());
                case AuditEvent.MigrationLost l -> {
                    started.remove(l.vmKey());
                    moved.put(l.vmKey(), l.poolTime().toEpochMilli());
                }
                default -> { }
            }
        }
        started.forEach((vm, task) -> assertEquals(task, memory.inFlight().get(vm).task(),
                "a migration in flight is observed, not issued again: " + vm));
        for (String vm : requested) {
            assertTrue(memory.resting(vm, now, config.cooldown()).isPresent(),
                    "a migration asked for with no outcome recorded counts as moved: " + vm);
        }
        moved.forEach((vm, at) -> {
            if (now - at < config.cooldown().toMillis()) {
                assertTrue(memory.resting(vm, now, config.cooldown()).isPresent(), vm + " is within its cooldown");
            }
        });
        assertEquals(AuditLog.parse(events.stream().map(AuditCodec::encode).toList()).events(), events);
    }

    @Test
    void aLostMigrationRestoresTheCooldownAndHoldsSurviveARestart() {
        long t0 = 1_700_000_000_000L;
        var at = java.time.Instant.ofEpochMilli(t0);
        List<AuditEvent> events = List.of(
                new AuditEvent.MigrationStarted(at, at, 1, "vm-1", "v1", "a", "a", "b", "b", "t1", "r", "HIGH"),
                new AuditEvent.MigrationLost(at, at.plusSeconds(300), 2, "vm-1", "v1", "a", "a", "b", "b", "t1", "r",
                        "gone"),
                new AuditEvent.MigrationRefused(at, at.plusSeconds(300), 2, "vm-2", "v2", "a", "a", "b", "b",
                        "VM_REQUIRES_SR", "x", at.plusSeconds(300 + 1800), "held"));
        DaemonMemory m = RestartRecovery.from(AuditLog.parse(events.stream().map(AuditCodec::encode).toList()), 5)
                .memory();
        assertTrue(m.inFlight().isEmpty());
        assertTrue(m.resting("v1", t0 + 600_000, java.time.Duration.ofHours(1)).orElseThrow().contains("cooldown"));
        assertTrue(m.resting("v2", t0 + 600_000, java.time.Duration.ofHours(1)).orElseThrow().contains("hold"));
        assertTrue(m.resting("v2", t0 + 2_200_000, java.time.Duration.ofHours(1)).isEmpty(), "the hold ends");
    }
}
