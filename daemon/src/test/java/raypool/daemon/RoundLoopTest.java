package raypool.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.AuditLog;

/** The loop: rounds every interval, doubling waits while the pool fails, and a stop between rounds. */
class RoundLoopTest {
    @TempDir
    Path dir;

    @Test
    void aFailingPoolIsAskedLessAndLessOften() throws Exception {
        AtomicInteger reads = new AtomicInteger();
        PoolReader failing = () -> {
            reads.incrementAndGet();
            throw new PoolUnavailableException("HTTP 500", null);
        };
        DaemonConfig c = DaemonConfig.defaults().with("audit", dir.resolve("a.jsonl").toString());
        try (BalancerDaemon d = new BalancerDaemon(c, failing, new MemoryPool(), new AuditLog(c.audit()))) {
            new RoundLoop(d, Duration.ofMillis(20)).run(Optional.of(Duration.ofMillis(700)));
        }
        // waits of 40, 80, 160, 320 ms (then capped at 16 intervals): 5 or 6 reads, not the 35 of a fixed interval
        assertTrue(reads.get() >= 4 && reads.get() <= 8, "reads: " + reads.get());
        var log = AuditLog.read(c.audit());
        assertEquals(reads.get(), log.of(AuditEvent.RoundFailed.class).size());
        assertEquals("duration reached", ((AuditEvent.Stop) log.events().getLast()).reason());
    }

    @Test
    void aStopIsSeenBetweenRounds() throws Exception {
        MemoryPool pool = new MemoryPool();
        pool.host("a", 8, 64L << 30);
        DaemonConfig c = DaemonConfig.defaults().with("audit", dir.resolve("b.jsonl").toString());
        try (BalancerDaemon d = new BalancerDaemon(c, pool.ports(), new AuditLog(c.audit()), "d")) {
            RoundLoop loop = new RoundLoop(d, Duration.ofHours(1));
            Thread stopper = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                loop.stop();
            });
            loop.run(Optional.empty());
            stopper.join();
            assertEquals(1, d.round(), "one round, then the wait is cut short");
        }
        assertEquals("stopped", ((AuditEvent.Stop) AuditLog.read(c.audit()).events().getLast()).reason());
    }
}
