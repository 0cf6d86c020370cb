package raypool.daemon.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import raypool.daemon.BalancerDaemon;
import raypool.daemon.Lease;
import raypool.daemon.PlacementRules;
import raypool.daemon.audit.AuditEvent;
import raypool.xapi.client.XapiClient;
import raypool.xapi.sim.SimConfig;
import raypool.xapi.sim.Workload;

/**
 * What administrators set on the pool, through XAPI against the simulated pool over HTTP: two
 * daemons and the lease in pool.other_config, the pool's own WLB, VM tags that exclude VMs, power
 * management with host.power_on and a boot time, and the control domain's load.
 */
@Timeout(90)
class PoolFeaturesTest {
    @TempDir
    Path dir;

    @Test
    void theSecondDaemonWaitsAndSaysWhoHoldsTheLease() throws Exception {
        Path first = dir.resolve("first.jsonl");
        Path second = dir.resolve("second.jsonl");
        try (DaemonHarness h = new DaemonHarness(first, 2); XapiClient otherSession = h.login()) {
            BalancerDaemon a = h.daemon(h.daemonClient, "daemon-a@host-x");
            h.config = h.config.with("audit", second.toString());
            BalancerDaemon b = h.daemon(otherSession, "daemon-b@host-y");
            for (int i = 0; i < 16; i++) {
                h.tick();
                a.runRound();
                int started = h.started.size();
                b.runRound();
                assertEquals(started, h.started.size(), "the second daemon starts nothing");
            }
            String lease = h.checkerClient.call("pool.get_other_config",
                    h.checkerClient.call("pool.get_all").get(0).asText()).path(Lease.KEY).asText();
            assertTrue(lease.startsWith("daemon-a@host-x;"), lease);
            List<AuditEvent.LeaseWaiting> waits = DaemonHarness.events(second, AuditEvent.LeaseWaiting.class);
            assertEquals(16, waits.size());
            assertTrue(waits.stream().allMatch(w -> w.holder().equals("daemon-a@host-x")));
            assertTrue(new ObjectMapper().readTree(b.status()).path("state").asText().contains("daemon-a@host-x"));
            assertFalse(DaemonHarness.events(first, AuditEvent.MigrationStarted.class).isEmpty(), "the first balances");
            assertTrue(DaemonHarness.events(second, AuditEvent.MigrationRequested.class).isEmpty());
            h.assertNoViolations();
            a.stopped("test");
            a.close();
            h.tick();
            b.runRound();
            assertEquals("", DaemonHarness.events(second, AuditEvent.LeaseAcquired.class).getFirst().previousHolder(),
                    "the lease was given back, not left to expire");
            b.close();
        }
    }

    @Test
    void nothingIsDoneWhileThePoolsWlbIsEnabled() {
        Path audit = dir.resolve("audit.jsonl");
        SimConfig stand = SimConfig.defaultStand(DaemonHarness.USER, DaemonHarness.PASSWORD).withWlbEnabled(true);
        try (DaemonHarness h = new DaemonHarness(audit, 2, stand); BalancerDaemon d = h.daemon()) {
            h.run(d, 10);
            assertTrue(h.started.isEmpty());
            assertEquals(10, DaemonHarness.events(audit, AuditEvent.RoundSkipped.class).stream()
                    .filter(s -> s.reason().equals("wlb-enabled")).count());
            h.checkerClient.call("pool.set_wlb_enabled", h.checkerClient.call("pool.get_all").get(0).asText(), false);
            h.run(d, 14);
            assertFalse(h.started.isEmpty(), "balancing starts once WLB is off");
        }
    }

    @Test
    void taggedVmsAreNeverMoved() {
        Path audit = dir.resolve("audit.jsonl");
        SimConfig stand = SimConfig.defaultStand(DaemonHarness.USER, DaemonHarness.PASSWORD);
        // every other guest: an XO-style tag listed in the configuration, or the daemon's own tag
        List<String> names = java.util.stream.IntStream.rangeClosed(1, 40).mapToObj(i -> i).collect(
                Collectors.toList()).stream().map(String::valueOf).toList();
        try (DaemonHarness probe = new DaemonHarness(dir.resolve("probe.jsonl"), 2)) {
            names = new raypool.xapi.client.PoolApi(probe.checkerClient).vms().values().stream()
                    .filter(raypool.xapi.client.VmRecord::isMovableGuest).map(raypool.xapi.client.VmRecord::nameLabel)
                    .sorted().toList();
        }
        for (int i = 0; i < names.size(); i += 2) {
            stand = stand.withVmTags(names.get(i), List.of(i % 4 == 0 ? PlacementRules.IGNORE_TAG : "no-balance"));
        }
        Set<String> tagged = new java.util.HashSet<>();
        for (int i = 0; i < names.size(); i += 2) {
            tagged.add(names.get(i));
        }
        try (DaemonHarness h = new DaemonHarness(audit, 2, stand)) {
            h.config = h.config.with("ignored-vm-tags", "no-balance");
            try (BalancerDaemon d = h.daemon()) {
                h.run(d, 24);
            }
            List<AuditEvent.MigrationStarted> moves = DaemonHarness.events(audit, AuditEvent.MigrationStarted.class);
            assertFalse(moves.isEmpty(), "the untagged VMs balance the surge");
            assertTrue(moves.stream().noneMatch(m -> tagged.contains(m.vm())), moves.toString());
            AuditEvent.Rules rules = DaemonHarness.events(audit, AuditEvent.Rules.class).getFirst();
            assertEquals(tagged.size(), rules.excludedVms().size(), rules.toString());
            h.assertNoViolations();
        }
    }

    /** The stand's synthetic traces, scaled by a dial the test turns. */
    static final class Dial implements Workload {
        final Workload base;
        volatile double level;

        Dial(Workload base, double level) {
            this.base = base;
            this.level = level;
        }

        @Override
        public double cpu(int vm, long epochMillis) {
            return Math.clamp(base.cpu(vm, epochMillis) * level, 0, 1);
        }

        @Override
        public double networkBytesPerSecond(int vm, long epochMillis) {
            return base.networkBytesPerSecond(vm, epochMillis);
        }

        @Override
        public double diskBytesPerSecond(int vm, long epochMillis) {
            return base.diskBytesPerSecond(vm, epochMillis);
        }

        @Override
        public String kind(int vm) {
            return base.kind(vm);
        }
    }

    @Test
    void densityModePowersHostsOffAndOnThroughXapi() throws Exception {
        Path audit = dir.resolve("audit.jsonl");
        Dial[] dial = new Dial[1];
        SimConfig stand = SimConfig.defaultStand(DaemonHarness.USER, DaemonHarness.PASSWORD).withVms(12);
        try (DaemonHarness h = new DaemonHarness(audit, 2, stand, base -> dial[0] = new Dial(base, 0.3))) {
            h.config = h.config.with("policy", "wlb-density").with("power-management", "on")
                    .with("min-hosts-on", "2").with("repeat-rounds", "2").with("max-per-host", "4")
                    .with("lease-ttl", "1h");
            try (BalancerDaemon d = h.daemon()) {
                h.run(d, 20);
                List<AuditEvent.PowerDone> off = DaemonHarness.events(audit, AuditEvent.PowerDone.class).stream()
                        .filter(p -> p.action().equals("power-off")).toList();
                assertFalse(off.isEmpty(), () -> "idle hosts go to standby: "
                        + DaemonHarness.events(audit, AuditEvent.RecommendPower.class)
                        + DaemonHarness.events(audit, AuditEvent.PowerFailed.class));
                assertTrue(off.stream().noneMatch(p -> p.host().equals("host-1") || p.host().equals("host-4")),
                        "never the master, never the host without a power_on_mode: " + off);
                var status = new ObjectMapper().readTree(d.status());
                assertTrue(status.path("hosts").findValues("dom0Threads").stream().anyMatch(v -> v.asDouble() > 0),
                        "the control domain's load is counted: " + status.path("hosts"));
            }
            // the load comes back; a restarted daemon (its standby hosts rebuilt from the log) with a
            // threshold this small stand's 12 VMs can reach powers a standby host on again
            dial[0].level = 100;
            h.config = h.config.with("power-off-below", "0.05").with("power-on-above", "0.1");
            try (BalancerDaemon d = h.daemon()) {
                assertFalse(d.memory().powered().isEmpty(), "standby hosts survive the restart");
                h.run(d, 12);
            }
            List<AuditEvent.PowerDone> on = DaemonHarness.events(audit, AuditEvent.PowerDone.class).stream()
                    .filter(p -> p.action().equals("power-on")).toList();
            assertFalse(on.isEmpty(), () -> "a standby host comes back when the load does: "
                    + DaemonHarness.events(audit, AuditEvent.RecommendPower.class));
            h.assertNoViolations();
        }
    }
}
