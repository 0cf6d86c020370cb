package raypool.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.AuditLog;

/**
 * Daemon runs on a pool in memory (rounds of 5 pool minutes, no network): what administrators set on
 * the pool (exclusions, anti-affinity, excluded hosts, maintenance), power management in density mode,
 * two daemons and their lease, the pool's own WLB, and metrics that are missing or implausible.
 */
class DaemonRunTest {
    static final long GIB = MemoryPool.GIB;

    @TempDir
    Path dir;

    private DaemonConfig config(String name, String... settings) {
        DaemonConfig c = DaemonConfig.defaults().with("mode", "automatic").with("policy", "wlb-performance")
                .with("repeat-rounds", "1").with("max-concurrent", "2").with("max-per-round", "2")
                .with("status-port", "-1").with("audit", dir.resolve(name + ".jsonl").toString());
        for (int i = 0; i + 1 < settings.length; i += 2) {
            c = c.with(settings[i], settings[i + 1]);
        }
        return c;
    }

    private static BalancerDaemon daemon(DaemonConfig c, MemoryPool pool, String holder) {
        BalancerDaemon d = new BalancerDaemon(c, pool.ports(), new AuditLog(c.audit()), holder);
        d.recover();
        return d;
    }

    private static void rounds(BalancerDaemon d, int n) {
        for (int i = 0; i < n; i++) {
            d.runRound();
        }
    }

    private static <T extends AuditEvent> List<T> events(DaemonConfig c, Class<T> kind) {
        return AuditLog.read(c.audit()).of(kind);
    }

    /** host a holds 10 busy VMs (100 % of its 32 threads), b and c are idle. */
    private static MemoryPool hot() {
        MemoryPool pool = new MemoryPool();
        pool.host("a", 32, 256 * GIB);
        pool.host("b", 32, 256 * GIB);
        pool.host("c", 32, 256 * GIB);
        for (int v = 0; v < 10; v++) {
            pool.vm("v" + v, 4, 8 * GIB, "a", 0.8);
        }
        return pool;
    }

    @Test
    void excludedVmsAndHostsAreLeftAloneAndTheLogSaysWhy() {
        MemoryPool pool = hot();
        for (int v = 0; v < 8; v++) {
            pool.vms.get("v" + v).tags = Set.of(v % 2 == 0 ? PlacementRules.IGNORE_TAG : "pinned");
        }
        DaemonConfig c = config("excl", "ignored-vm-tags", "pinned", "excluded-hosts", "c");
        try (BalancerDaemon d = daemon(c, pool, "d")) {
            rounds(d, 6);
        }
        assertFalse(pool.starts.isEmpty(), "the VMs that may move do");
        assertTrue(pool.starts.stream().allMatch(v -> v.equals("v8") || v.equals("v9")), pool.starts.toString());
        assertTrue(events(c, AuditEvent.MigrationStarted.class).stream().noneMatch(m -> m.toKey().equals("c")),
                "never to an excluded host");
        AuditEvent.Rules rules = events(c, AuditEvent.Rules.class).getFirst();
        assertEquals(8, rules.excludedVms().size(), rules.toString());
        assertTrue(rules.excludedVms().toString().contains("ignored-vm-tags"), rules.toString());
        assertEquals(List.of("c (excluded-hosts)"), rules.excludedHosts());
    }

    @Test
    void antiAffinityIsNeverBrokenByAMove() {
        MemoryPool pool = hot();
        // db-0 shares a hot host with nothing of its group; db-1 runs on b, the obvious destination
        pool.vms.get("v0").tags = Set.of(PlacementRules.ANTI_AFFINITY_TAG + "db");
        pool.vm("db-b", 2, 4 * GIB, "b", 0.1).tags = Set.of(PlacementRules.ANTI_AFFINITY_TAG + "db");
        pool.vm("db-c", 2, 4 * GIB, "c", 0.1).tags = Set.of("db");
        DaemonConfig c = config("anti", "anti-affinity-tags", "db", "max-per-round", "4", "max-concurrent", "4",
                "max-per-host", "4");
        try (BalancerDaemon d = daemon(c, pool, "d")) {
            for (int i = 0; i < 8; i++) {
                d.runRound();
                long onB = pool.vms.values().stream().filter(v -> v.host.equals("b")
                        && v.tags.contains(PlacementRules.ANTI_AFFINITY_TAG + "db")).count();
                assertTrue(onB <= 1, "two VMs of group db on host b");
            }
        }
        assertFalse(pool.starts.isEmpty());
        assertTrue(events(c, AuditEvent.MigrationStarted.class).stream()
                .noneMatch(m -> m.vmKey().equals("v0") && !m.toKey().equals("c") && !m.toKey().equals("a")
                        && pool.vms.get("db-b").host.equals(m.toKey())), "v0 never joins db-b");
        AuditEvent.Rules rules = events(c, AuditEvent.Rules.class).getFirst();
        assertEquals(List.of("v0 in db", "db-b in db", "db-c in db"), rules.antiAffinity(),
                "one group, from the tag and from the configured list: " + rules);
        assertEquals("a", pool.vms.get("v0").host, "with a VM of its group on every other host, v0 stays put");
    }

    @Test
    void affinityDrawsAMoveToItsGroup() {
        // b and c are alike; the VMs leaving a belong to group web, whose other member runs on c
        MemoryPool pool = hot();
        for (int v = 0; v < 10; v++) {
            pool.vms.get("v" + v).tags = Set.of(PlacementRules.AFFINITY_TAG + "web");
        }
        pool.vm("web-c", 2, 4 * GIB, "c", 0.1).tags = Set.of("web");
        pool.vm("other-b", 2, 4 * GIB, "b", 0.1);
        DaemonConfig c = config("affinity", "affinity-tags", "web");
        try (BalancerDaemon d = daemon(c, pool, "d")) {
            rounds(d, 4);
        }
        List<AuditEvent.MigrationStarted> moves = events(c, AuditEvent.MigrationStarted.class);
        assertFalse(moves.isEmpty());
        assertEquals("c", moves.getFirst().toKey(), "the first move joins its group: " + moves);
        AuditEvent.Rules rules = events(c, AuditEvent.Rules.class).getFirst();
        assertEquals(11, rules.affinity().size(), rules.toString());
    }

    @Test
    void densityModePowersAnIdleHostOffAndOnAgainButNeverTheMaster() {
        MemoryPool pool = new MemoryPool();
        pool.host("a", 32, 256 * GIB);                    // the master
        pool.host("b", 32, 256 * GIB);
        pool.host("c", 32, 256 * GIB).powerOnMode = "";   // could not be powered on again
        pool.host("d", 32, 256 * GIB);
        for (int v = 0; v < 3; v++) {
            pool.vm("a" + v, 8, 8 * GIB, "a", 0.1);
            pool.vm("b" + v, 8, 8 * GIB, "b", 0.1);
            pool.vm("c" + v, 8, 8 * GIB, "c", 0.1);
        }
        pool.vm("d0", 8, 8 * GIB, "d", 0.02);
        DaemonConfig c = config("power", "policy", "wlb-density", "power-management", "on", "min-hosts-on", "2",
                "repeat-rounds", "2");
        try (BalancerDaemon d = daemon(c, pool, "d")) {
            rounds(d, 12);
            List<AuditEvent.PowerRequested> off = events(c, AuditEvent.PowerRequested.class);
            assertFalse(off.isEmpty(), "an emptied host is powered off: " + events(c, AuditEvent.RecommendPower.class));
            assertTrue(off.stream().allMatch(p -> p.action().equals("power-off")), off.toString());
            assertTrue(off.stream().noneMatch(p -> p.hostKey().equals("a") || p.hostKey().equals("c")),
                    "never the master, never a host that could not come back: " + off);
            assertTrue(events(c, AuditEvent.RecommendPower.class).stream().filter(p -> p.hostKey().equals("c"))
                    .allMatch(p -> !p.decision().equals("apply")));
            String standby = off.getFirst().hostKey();
            assertFalse(pool.hosts.get(standby).live);
            assertFalse(events(c, AuditEvent.PowerDone.class).isEmpty(), "seen down");
            // the load comes back: the standby host is powered on before the pool runs short
            pool.vms.values().forEach(v -> v.cpu = 0.95);
            rounds(d, 4);
        }
        List<AuditEvent.PowerRequested> all = events(c, AuditEvent.PowerRequested.class);
        assertTrue(all.stream().anyMatch(p -> p.action().equals("power-on")), all.toString());
        assertTrue(events(c, AuditEvent.PowerDone.class).stream().anyMatch(p -> p.action().equals("power-on")),
                "live and enabled again");
        assertTrue(pool.hosts.values().stream().allMatch(h -> h.live && h.enabled || h.key.equals("c") && h.live),
                "every host the daemon powered off is back");
    }

    @Test
    void twoDaemonsNeverBalanceOnePoolAtOnce() {
        MemoryPool pool = hot();
        // each daemon's read moves this pool's clock 5 minutes: a lease of 30 outlasts their rounds
        DaemonConfig first = config("first", "lease-ttl", "30m");
        DaemonConfig second = config("second", "lease-ttl", "30m");
        BalancerDaemon a = daemon(first, pool, "daemon-a");
        BalancerDaemon b = daemon(second, pool, "daemon-b");
        a.runRound();                       // takes the lease
        b.runRound();                       // sees it held
        List<AuditEvent.LeaseWaiting> waiting = events(second, AuditEvent.LeaseWaiting.class);
        assertEquals(1, waiting.size());
        assertEquals("daemon-a", waiting.getFirst().holder(), "the second says who holds the lease");
        assertTrue(waiting.getFirst().detail().contains("daemon-a"));
        int startsBefore = pool.starts.size();
        for (int i = 0; i < 4; i++) {
            a.runRound();
            int aStarted = pool.starts.size();
            b.runRound();
            assertEquals(aStarted, pool.starts.size(), "the second daemon starts nothing");
        }
        assertTrue(pool.starts.size() > startsBefore, "the first balances");
        assertTrue(events(second, AuditEvent.MigrationRequested.class).isEmpty());
        a.stopped("test");
        a.close();
        assertFalse(pool.otherConfig.containsKey(Lease.KEY), "given back at stop");
        b.runRound();
        assertEquals(1, events(second, AuditEvent.LeaseAcquired.class).size(), () -> AuditLog.read(second.audit())
                .events().toString());
        b.close();
    }

    @Test
    void ofTwoDaemonsTakingAFreeLeaseAtOnceOnlyOneGoesOn() {
        MemoryPool pool = hot();
        DaemonConfig c = config("race");
        // between this daemon's read and its write, another one adds the lease: the add is refused
        LeaseStore raced = new LeaseStore() {
            @Override
            public boolean create(String key, String value) {
                pool.otherConfig.put(key, new Lease("quicker", java.time.Instant.ofEpochMilli(pool.time + 3_600_000))
                        .value());
                return false;
            }

            @Override
            public void put(String key, String value) {
                pool.put(key, value);
            }

            @Override
            public void remove(String key) {
                pool.remove(key);
            }
        };
        try (BalancerDaemon d = new BalancerDaemon(c, new BalancerDaemon.Ports(pool, pool, pool, raced),
                new AuditLog(c.audit()), "slower")) {
            rounds(d, 3);
        }
        assertTrue(pool.starts.isEmpty());
        List<AuditEvent.LeaseWaiting> waits = events(c, AuditEvent.LeaseWaiting.class);
        assertEquals(3, waits.size());
        assertEquals("quicker", waits.get(1).holder(), "the next read says who won");
    }

    @Test
    void aLeaseLeftByADeadDaemonExpires() {
        MemoryPool pool = hot();
        pool.otherConfig.put(Lease.KEY, new Lease("crashed", java.time.Instant.ofEpochMilli(pool.time + 900_000))
                .value());
        DaemonConfig c = config("late");
        try (BalancerDaemon d = daemon(c, pool, "me")) {
            rounds(d, 2);
            assertEquals(2, events(c, AuditEvent.LeaseWaiting.class).size(), "10 minutes: two rounds of 5");
            rounds(d, 2);
            AuditEvent.LeaseAcquired taken = events(c, AuditEvent.LeaseAcquired.class).getFirst();
            assertEquals("crashed", taken.previousHolder());
        }
    }

    @Test
    void theDaemonStandsAsideWhileThePoolsOwnWlbIsEnabled() {
        MemoryPool pool = hot();
        pool.wlbEnabled = true;
        DaemonConfig c = config("wlb");
        try (BalancerDaemon d = daemon(c, pool, "d")) {
            rounds(d, 3);
            assertTrue(pool.starts.isEmpty());
            assertEquals(3, events(c, AuditEvent.RoundSkipped.class).stream()
                    .filter(s -> s.reason().equals("wlb-enabled")).count());
            assertTrue(d.status().contains("WLB"), d.status());
            pool.wlbEnabled = false;
            rounds(d, 3);
            assertFalse(pool.starts.isEmpty());
        }
    }

    @Test
    void implausibleMetricsStopTheRound() {
        MemoryPool pool = hot();
        pool.vms.get("v3").cpu = 0;
        DaemonConfig c = config("zero", "zero-cpu-samples", "12");
        try (BalancerDaemon d = daemon(c, pool, "d")) {
            rounds(d, 3);
            assertTrue(pool.starts.isEmpty(), "a misread never moves a VM");
            AuditEvent.MetricsImplausible bad = events(c, AuditEvent.MetricsImplausible.class).getLast();
            assertTrue(bad.problems().getFirst().contains("v3") && bad.problems().getFirst().contains("exactly 0"),
                    bad.toString());
        }
        MemoryPool zeroCpus = new MemoryPool();
        zeroCpus.host("a", 0, 256 * GIB);
        zeroCpus.host("b", 32, 256 * GIB);
        zeroCpus.vm("v", 2, 4 * GIB, "a", 0.5);
        DaemonConfig c2 = config("cpus");
        try (BalancerDaemon d = daemon(c2, zeroCpus, "d")) {
            rounds(d, 2);
        }
        assertTrue(events(c2, AuditEvent.MetricsImplausible.class).getFirst().problems().getFirst()
                .contains("host a reads 0 CPUs"));
        assertTrue(events(c2, AuditEvent.Round.class).isEmpty());
    }

    @Test
    void aVmWhoseMetricsAreMissingMakesItsHostUnknownAndNothingMovesThere() {
        MemoryPool pool = hot();
        pool.vm("quiet", 2, 4 * GIB, "b", 0.1).unreadable = true;
        DaemonConfig c = config("unknown", "max-per-round", "4", "max-concurrent", "4", "max-per-host", "4");
        try (BalancerDaemon d = daemon(c, pool, "d")) {
            rounds(d, 6);
        }
        AuditEvent.MetricsUnknown unknown = events(c, AuditEvent.MetricsUnknown.class).getFirst();
        assertEquals(List.of("b"), unknown.hosts());
        assertEquals(List.of("quiet"), unknown.vms());
        assertFalse(pool.starts.isEmpty(), "host c takes the load");
        assertTrue(events(c, AuditEvent.MigrationStarted.class).stream().allMatch(m -> m.toKey().equals("c")),
                "never to the host whose load is unknown");
        assertEquals("b", pool.vms.get("quiet").host);
    }

    @Test
    void anAdministratorsMaintenanceIsToldApartAndNeverUndone() {
        MemoryPool pool = hot();
        pool.hosts.get("c").enabled = false;
        DaemonConfig c = config("maint");
        try (BalancerDaemon d = daemon(c, pool, "d")) {
            rounds(d, 4);
        }
        AuditEvent.Maintenance m = events(c, AuditEvent.Maintenance.class).getFirst();
        assertEquals("c", m.host());
        assertEquals("administrator", m.by());
        assertFalse(pool.hosts.get("c").enabled, "the daemon never enables a host it did not disable");
        assertTrue(events(c, AuditEvent.MigrationStarted.class).stream().noneMatch(s -> s.toKey().equals("c")));
        assertFalse(pool.powerCalls.stream().anyMatch(p -> p.endsWith(" c")), pool.powerCalls.toString());
    }
}
