package raypool.daemon.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import raypool.daemon.BalancerDaemon;
import raypool.daemon.audit.AuditEvent;

/**
 * The daemon against the simulated pool over real HTTP, one injected fault per test: it keeps running,
 * its audit log says what happened, and the harness's checks hold (never more migrations in flight than
 * allowed, never to an offline, disabled or full host, no VM moved twice within its cooldown).
 */
@Timeout(60)
class DaemonFaultsTest {
    /** Rounds of 5 simulated minutes: the surge starts after 20 minutes and lasts two hours. */
    private static final int ROUNDS = 24;

    @TempDir
    Path dir;

    private Path audit() {
        return dir.resolve("audit.jsonl");
    }

    @Test
    void balancesTheSurgeWithinItsLimits() throws Exception {
        try (DaemonHarness h = new DaemonHarness(audit(), 2); BalancerDaemon d = h.daemon()) {
            h.run(d, ROUNDS);
            h.assertNoViolations();
            List<AuditEvent.MigrationDone> done = DaemonHarness.events(audit(), AuditEvent.MigrationDone.class);
            assertFalse(done.isEmpty(), "the surge is balanced by at least one migration");
            for (AuditEvent.MigrationDone m : done) {
                assertTrue(m.reason().contains("threshold"), "every move says why: " + m);
            }
            var status = new ObjectMapper().readTree(d.status());
            assertEquals(4, status.path("hosts").size());
            assertFalse(status.path("recentMigrations").isEmpty());
            String log = Files.readString(audit());
            assertFalse(log.contains(DaemonHarness.PASSWORD), "the password never reaches the audit log");
            assertFalse(log.contains(h.daemonClient.session().value()), "nor the session");
            assertFalse(d.status().contains(DaemonHarness.PASSWORD) || d.status().contains("OpaqueRef"),
                    "the status holds names and figures only: " + d.status());
        }
    }

    @Test
    void hostGoingOfflineDuringAMigration() {
        try (DaemonHarness h = new DaemonHarness(audit(), 2); BalancerDaemon d = h.daemon()) {
            h.faults().hostOfflineDuringNextMigration();
            h.run(d, ROUNDS);
            h.assertNoViolations();
            AuditEvent.MigrationFailed failed = DaemonHarness.first(audit(), AuditEvent.MigrationFailed.class).orElseThrow();
            assertEquals("HOST_OFFLINE", failed.code());
            String offline = failed.toKey();
            long after = DaemonHarness.events(audit(), AuditEvent.MigrationStarted.class).stream()
                    .filter(s -> s.round() > failed.round())
                    .filter(s -> s.toKey().equals(offline)).count();
            assertEquals(0, after, "no migration to the host that went offline");
            assertEquals(d.round(), DaemonHarness.events(audit(), AuditEvent.Round.class).getLast().round(),
                    "the daemon kept running");
        }
    }

    @Test
    void aDisabledHostIsEvacuatedAndNeverADestination() {
        try (DaemonHarness h = new DaemonHarness(audit(), 2, 24); BalancerDaemon d = h.daemon()) {
            h.run(d, 2);
            var api = new raypool.xapi.client.PoolApi(h.checkerClient);
            var host = api.hosts().values().stream().filter(x -> x.nameLabel().equals("host-4")).findFirst()
                    .orElseThrow();
            h.checkerClient.call("host.disable", host.ref());
            h.run(d, 10);
            h.assertNoViolations();
            var evacuations = DaemonHarness.events(audit(), AuditEvent.MigrationStarted.class).stream()
                    .filter(m -> m.from().equals("host-4")).toList();
            assertFalse(evacuations.isEmpty(), () -> "host-4's VMs leave it: "
                    + DaemonHarness.events(audit(), AuditEvent.Recommend.class)
                    + DaemonHarness.events(audit(), AuditEvent.PlanRejected.class)
                    + DaemonHarness.events(audit(), AuditEvent.RoundFailed.class));
            assertTrue(evacuations.stream().allMatch(m -> m.reason().contains("maintenance")));
        }
    }

    @Test
    void anEvacuationThatCannotFitSaysWhy() {
        // the default stand keeps a quarter of every host free, so host-4 could be emptied: here the
        // hosts have 96 GiB and are packed full, and host-4's guests fit nowhere else
        var packed = raypool.xapi.sim.SimConfig.defaultStand(DaemonHarness.USER, DaemonHarness.PASSWORD)
                .withMemoryPerHost(96 * raypool.xapi.sim.SimConfig.GIB).withHeadroom(0);
        try (DaemonHarness h = new DaemonHarness(audit(), 2, packed); BalancerDaemon d = h.daemon()) {
            var api = new raypool.xapi.client.PoolApi(h.checkerClient);
            var host = api.hosts().values().stream().filter(x -> x.nameLabel().equals("host-4")).findFirst()
                    .orElseThrow();
            h.checkerClient.call("host.disable", host.ref());
            h.run(d, 3);
            h.assertNoViolations();
            AuditEvent.EvacuationStuck stuck = DaemonHarness.first(audit(), AuditEvent.EvacuationStuck.class).orElseThrow();
            assertEquals("host-4", stuck.host());
            assertTrue(stuck.hosts().toString().contains("host-1"), stuck.toString());
        }
    }

    @Test
    void failingTask() {
        try (DaemonHarness h = new DaemonHarness(audit(), 1); BalancerDaemon d = h.daemon()) {
            h.faults().failNextTask("INTERNAL_ERROR", "simulated failure");
            h.run(d, ROUNDS);
            h.assertNoViolations();
            AuditEvent.MigrationFailed failed = DaemonHarness.first(audit(), AuditEvent.MigrationFailed.class).orElseThrow();
            assertEquals("INTERNAL_ERROR", failed.code());
            assertFalse(DaemonHarness.events(audit(), AuditEvent.MigrationDone.class).isEmpty(), "later migrations still succeed");
        }
    }

    @Test
    void sessionInvalid() {
        try (DaemonHarness h = new DaemonHarness(audit(), 2); BalancerDaemon d = h.daemon()) {
            h.run(d, 2);
            h.faults().expireAllSessions();
            h.run(d, ROUNDS - 2);
            h.assertNoViolations();
            assertTrue(DaemonHarness.events(audit(), AuditEvent.PoolNote.class).stream()
                    .anyMatch(l -> l.detail().contains("session was renewed")));
            assertTrue(DaemonHarness.events(audit(), AuditEvent.RoundFailed.class).isEmpty(), "a renewed session costs no round");
        }
    }

    @Test
    void eventsLost() {
        try (DaemonHarness h = new DaemonHarness(audit(), 2); BalancerDaemon d = h.daemon()) {
            h.run(d, 2);
            h.faults().loseEventsOnce();
            h.run(d, 4);
            h.assertNoViolations();
            assertTrue(DaemonHarness.events(audit(), AuditEvent.PoolNote.class).stream()
                    .anyMatch(l -> l.detail().contains("EVENTS_LOST")));
            assertEquals(6, DaemonHarness.events(audit(), AuditEvent.Round.class).size(),
                    () -> "every round completed: " + DaemonHarness.unusual(audit()));
        }
    }

    @Test
    void http500AndSlowReplies() {
        try (DaemonHarness h = new DaemonHarness(audit(), 2); BalancerDaemon d = h.daemon()) {
            h.run(d, 2);
            h.faults().http500(2);
            h.run(d, 1);
            h.faults().slowReplies(5, Duration.ofMillis(100));
            h.run(d, ROUNDS - 3);
            h.assertNoViolations();
            AuditEvent.RoundFailed failed = DaemonHarness.first(audit(), AuditEvent.RoundFailed.class).orElseThrow();
            assertTrue(failed.error().contains("500"), failed.toString());
            int lost = DaemonHarness.events(audit(), AuditEvent.RoundFailed.class).size();
            assertTrue(lost >= 1 && lost <= 2, "each HTTP 500 costs at most one round: " + lost);
            assertEquals(ROUNDS - lost, DaemonHarness.events(audit(), AuditEvent.Round.class).size(),
                    "every other round completed");
            assertFalse(DaemonHarness.events(audit(), AuditEvent.MigrationDone.class).isEmpty());
        }
    }

    @Test
    void aRestartIssuesNoInFlightMigrationAgain() {
        try (DaemonHarness h = new DaemonHarness(audit(), 2)) {
            Set<String> inFlight;
            try (BalancerDaemon first = h.daemon()) {
                // rounds until migrations start; the clock then stops, so they stay in flight
                for (int i = 0; i < ROUNDS && first.inFlightVms().isEmpty(); i++) {
                    h.run(first, 1);
                }
                inFlight = first.inFlightVms();
                assertFalse(inFlight.isEmpty(), "the first daemon started a migration");
            }
            int startsBefore = h.started.size();
            // the same audit log: the second daemon observes them
            try (BalancerDaemon second = h.daemon()) {
                assertEquals(inFlight, second.inFlightVms(), "recovered from the audit log");
                second.runRound();
                second.runRound();
                Set<String> again = new HashSet<>(h.started.subList(startsBefore, h.started.size()));
                again.retainAll(inFlight);
                assertTrue(again.isEmpty(), "reissued: " + again);
            }
            // a lost audit log: the pool's current_operations still show the VMs busy
            h.config = h.config.with("audit", dir.resolve("fresh.jsonl").toString());
            int startsBeforeThird = h.started.size();
            try (BalancerDaemon third = h.daemon()) {
                assertTrue(third.inFlightVms().isEmpty());
                third.runRound();
                Set<String> again = new HashSet<>(h.started.subList(startsBeforeThird, h.started.size()));
                again.retainAll(inFlight);
                assertTrue(again.isEmpty(), "reissued without the audit log: " + again);
            }
            h.assertNoViolations();
        }
    }
}
