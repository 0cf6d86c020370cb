package raypool.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import raypool.balancer.plan.Action;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Severity;

/**
 * The decider as a pure function: examples of each rule, and properties over random pools, memories
 * and plans (the plans are arbitrary, not a planner's: the decider must hold its rules whatever it is
 * handed). The properties run over seeded random cases, each seed reproducible on its own; a failure
 * names the seed.
 */
class RoundDeciderTest {
    static final long GIB = 1L << 30;
    static final long NOW = 1_700_000_000_000L;
    static final Duration COOLDOWN = Duration.ofHours(1);

    static RoundDecider.Settings settings(boolean automatic, int repeat, int maxConcurrent, int maxPerRound) {
        return new RoundDecider.Settings(automatic, repeat, COOLDOWN, maxConcurrent, maxPerRound, true, true, 0.75,
                0.60, 1);
    }

    /** Three hosts of 16 threads and 64 GiB, the first the master; VMs of 4 GiB spread as given. */
    static PoolState pool(String... vmHosts) {
        List<PoolState.Host> hosts = new ArrayList<>();
        for (String h : List.of("a", "b", "c")) {
            long used = 0;
            for (String where : vmHosts) {
                used += where.equals(h) ? 4 * GIB : 0;
            }
            hosts.add(PoolState.Host.builder(h, "host-" + h).size(16, 64 * GIB, 64 * GIB - used)
                    .cpu(PoolState.Samples.of(NOW, 0.3)).powerOnMode("wake-on-lan").build());
        }
        List<PoolState.Vm> vms = new ArrayList<>();
        for (int i = 0; i < vmHosts.length; i++) {
            vms.add(PoolState.Vm.simple("v" + i, "vm-" + i, 2, 4 * GIB, vmHosts[i], Optional.empty(),
                    PoolState.Samples.of(NOW, 0.5)));
        }
        return new PoolState(NOW, PoolState.Pool.plain("a"), hosts, vms, List.of());
    }

    static SnapshotBuilder.Built built(PoolState state, DaemonMemory memory) {
        return new SnapshotBuilder(0).build(state, 1, memory, COOLDOWN, new PlacementRules(List.of(), List.of(),
                List.of(), List.of()));
    }

    static Plan moves(int... vmFromTo) {
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i + 2 < vmFromTo.length + 1; i += 3) {
            actions.add(new Action.Migrate(vmFromTo[i], vmFromTo[i + 1], vmFromTo[i + 2], "test", Severity.HIGH));
        }
        return new Plan(actions);
    }

    @Test
    void recommendModeAppliesNothing() {
        var b = built(pool("a", "a"), DaemonMemory.EMPTY);
        var out = RoundDecider.decide(moves(0, 0, 1), b, DaemonMemory.EMPTY, settings(false, 1, 2, 2));
        assertInstanceOf(RoundDecider.RecommendOnly.class, out.decisions().getFirst().verdict());
    }

    @Test
    void theStreakBelongsToTheMove() {
        var s = settings(true, 3, 2, 2);
        DaemonMemory m = DaemonMemory.EMPTY;
        var b = built(pool("a", "a"), m);
        // the same VM proposed to b, b, then c: the move to c starts its own count
        for (int round = 1; round <= 2; round++) {
            var out = RoundDecider.decide(moves(0, 0, 1), b, m, s);
            assertEquals(new RoundDecider.Wait(round, 3), out.decisions().getFirst().verdict());
            m = out.memory();
        }
        var other = RoundDecider.decide(moves(0, 0, 2), b, m, s);
        assertEquals(new RoundDecider.Wait(1, 3), other.decisions().getFirst().verdict());
        var again = RoundDecider.decide(moves(0, 0, 1), b, other.memory(), s);
        assertEquals(new RoundDecider.Wait(1, 3), again.decisions().getFirst().verdict(),
                "a move not proposed in a round starts again from one");
        var third = RoundDecider.decide(moves(0, 0, 1), b, m, s);
        assertTrue(third.decisions().getFirst().applied(), "the third round in a row applies it");
        assertTrue(third.memory().streaks().isEmpty(), "an applied move's count is cleared");
    }

    @Test
    void cooldownHoldAndInFlightKeepAVmPut() {
        var s = settings(true, 1, 5, 5);
        DaemonMemory m = new DaemonMemory(Map.of(), Map.of("v0", NOW - 10 * 60_000L), Map.of("v1", NOW + 60_000L),
                Map.of("v2", new DaemonMemory.InFlight("t", "v2", "vm-2", "a", "host-a", "b", "host-b", NOW, "r",
                        "HIGH")), Map.of());
        var b = built(pool("a", "a", "a", "a"), m);
        var out = RoundDecider.decide(moves(0, 0, 1, 1, 0, 1, 2, 0, 2, 3, 0, 2), b, m, s);
        assertTrue(out.decisions().get(0).verdict().text().contains("cooldown"), out.toString());
        assertTrue(out.decisions().get(1).verdict().text().contains("on hold"), out.toString());
        assertTrue(out.decisions().get(2).verdict().text().contains("migrating"), out.toString());
        assertTrue(out.decisions().get(3).applied(), out.toString());
        // an hour after the move, the cooldown is over
        DaemonMemory later = new DaemonMemory(Map.of(), Map.of("v0", NOW - COOLDOWN.toMillis()), Map.of(), Map.of(),
                Map.of());
        assertTrue(RoundDecider.decide(moves(0, 0, 1), built(pool("a"), later), later, s).decisions().getFirst()
                .applied());
    }

    @Test
    void concurrencyCountsWhatThePoolShowsBusy() {
        var s = settings(true, 1, 2, 5);
        PoolState base = pool("a", "a", "a", "a");
        List<PoolState.Vm> vms = new ArrayList<>(base.vms());
        PoolState.Vm busy = vms.get(3);
        vms.set(3, PoolState.Vm.simple(busy.key(), busy.name(), 2, 4 * GIB, "a", Optional.of("pool_migrate"),
                busy.cpu()));
        PoolState state = new PoolState(NOW, base.pool(), base.hosts(), vms, List.of());
        var out = RoundDecider.decide(moves(0, 0, 1, 1, 0, 1, 2, 0, 2), built(state, DaemonMemory.EMPTY),
                DaemonMemory.EMPTY, s);
        assertEquals(1, out.applied().size(), "one slot left beside the migration someone else started: " + out);
        assertTrue(out.decisions().get(1).verdict().text().contains("max-concurrent"), out.toString());
    }

    @Test
    void destinationsMustBeLiveEnabledKnownAndHaveTheMemory() {
        var s = settings(true, 1, 5, 5);
        PoolState base = pool("a", "a", "a");
        List<PoolState.Host> hosts = new ArrayList<>(base.hosts());
        PoolState.Host b = hosts.get(1);
        hosts.set(1, PoolState.Host.builder(b.key(), b.name()).size(16, 64 * GIB, 64 * GIB).state(true, false)
                .cpu(b.cpu()).build());
        PoolState.Host c = hosts.get(2);
        hosts.set(2, PoolState.Host.builder(c.key(), c.name()).size(16, 64 * GIB, 5 * GIB).cpu(c.cpu()).build());
        PoolState state = new PoolState(NOW, base.pool(), hosts, base.vms(), List.of());
        var out = RoundDecider.decide(moves(0, 0, 1, 1, 0, 2, 2, 0, 2), built(state, DaemonMemory.EMPTY),
                DaemonMemory.EMPTY, s);
        assertTrue(out.decisions().get(0).verdict().text().contains("not live and enabled"), out.toString());
        assertTrue(out.decisions().get(1).applied(), out.toString());
        assertTrue(out.decisions().get(2).verdict().text().contains("MiB free"), "5 GiB free holds one 4 GiB VM: " + out);
    }

    @Test
    void theMasterAndHostsThatCannotComeBackAreNeverPoweredOff() {
        var s = settings(true, 1, 2, 2);
        PoolState state = pool();   // no VMs: every host is empty
        var b = built(state, DaemonMemory.EMPTY);
        Plan plan = new Plan(List.of(new Action.PowerOff(0, "empty"), new Action.PowerOff(1, "empty")));
        var out = RoundDecider.decide(plan, b, DaemonMemory.EMPTY, s);
        assertTrue(out.decisions().get(0).verdict().text().contains("master"), out.toString());
        assertTrue(out.decisions().get(1).applied(), out.toString());
        // without a power_on_mode the pool could not power it on again
        List<PoolState.Host> hosts = new ArrayList<>(state.hosts());
        PoolState.Host h = hosts.get(1);
        hosts.set(1, PoolState.Host.builder(h.key(), h.name()).size(16, 64 * GIB, 64 * GIB).cpu(h.cpu()).build());
        PoolState noMode = new PoolState(NOW, state.pool(), hosts, List.of(), List.of());
        var refused = RoundDecider.decide(plan, built(noMode, DaemonMemory.EMPTY), DaemonMemory.EMPTY, s);
        assertTrue(refused.decisions().get(1).verdict().text().contains("power_on_mode"), refused.toString());
    }

    @Test
    void aStandbyHostIsPoweredOnWhenThePoolRunsShort() {
        var s = settings(true, 3, 2, 2);
        // host c is this daemon's standby host; a and b run hot
        PoolState base = pool("a", "a", "a", "b", "b", "b");
        List<PoolState.Host> hosts = new ArrayList<>(base.hosts());
        PoolState.Host c = hosts.get(2);
        hosts.set(2, PoolState.Host.builder(c.key(), c.name()).size(16, 64 * GIB, 64 * GIB).state(false, false)
                .powerOnMode("wake-on-lan").build());
        List<PoolState.Vm> hot = base.vms().stream().map(v -> new PoolState.Vm(v.key(), v.name(), 5, v.memoryBytes(),
                v.hostKey(), v.operation(), PoolState.Samples.of(NOW, 0.9), Set.of(), Map.of())).toList();
        PoolState state = new PoolState(NOW, base.pool(), hosts, hot, List.of());
        DaemonMemory m = new DaemonMemory(Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of("c", new DaemonMemory.PoweredHost("c", "host-c", DaemonMemory.Phase.STANDBY, NOW - 3_600_000)));
        var out = RoundDecider.decide(Plan.EMPTY, built(state, m), m, s);
        assertEquals(1, out.applied().size(), out.toString());
        assertInstanceOf(RoundDecider.PowerOn.class, out.applied().getFirst().proposal());
        assertTrue(out.applied().getFirst().proposal().reason().contains("power-on-above"), out.toString());
        // a host that is merely offline (not ours) is never powered on
        var notOurs = RoundDecider.decide(Plan.EMPTY, built(state, DaemonMemory.EMPTY), DaemonMemory.EMPTY, s);
        assertTrue(notOurs.applied().isEmpty(), notOurs.toString());
    }

    // ------------------------------------------------------------------------------------- properties

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** A random pool, memory and plan from one seed. */
    record Case(PoolState state, DaemonMemory memory, Plan plan) {
    }

    static Case randomCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int hostCount = 2 + r.nextInt(5);
        int vmCount = r.nextInt(25);
        List<PoolState.Host> hosts = new ArrayList<>();
        long[] memory = new long[hostCount];
        for (int h = 0; h < hostCount; h++) {
            memory[h] = (8 + r.nextInt(64)) * GIB;
        }
        List<PoolState.Vm> vms = new ArrayList<>();
        long[] used = new long[hostCount];
        for (int v = 0; v < vmCount; v++) {
            int h = r.nextInt(hostCount);
            long mem = (1 + r.nextInt(8)) * GIB;
            used[h] += mem;
            Optional<String> op = r.nextInt(8) == 0 ? Optional.of("pool_migrate") : Optional.empty();
            PoolState.Samples cpu = r.nextInt(10) == 0 ? PoolState.Samples.NONE
                    : PoolState.Samples.of(NOW, r.nextDouble());
            Set<String> tags = r.nextInt(10) == 0 ? Set.of(PlacementRules.IGNORE_TAG) : Set.of();
            vms.add(new PoolState.Vm("v" + v, "vm-" + v, 1 + r.nextInt(8), mem, "h" + h, op, cpu, tags, Map.of()));
        }
        for (int h = 0; h < hostCount; h++) {
            boolean live = r.nextInt(6) != 0;
            boolean enabled = r.nextInt(5) != 0;
            long free = Math.max(0, memory[h] - used[h] - (r.nextBoolean() ? 0 : r.nextInt(8) * GIB));
            PoolState.Samples cpu = !live || r.nextInt(12) == 0 ? PoolState.Samples.NONE
                    : PoolState.Samples.of(NOW, r.nextDouble());
            hosts.add(PoolState.Host.builder("h" + h, "host-" + h).size(1 + r.nextInt(32), memory[h], free)
                    .state(live, enabled).cpu(cpu).powerOnMode(r.nextBoolean() ? "wake-on-lan" : "").build());
        }
        Map<String, Long> moved = new HashMap<>();
        Map<String, Long> held = new HashMap<>();
        Map<String, DaemonMemory.InFlight> flying = new HashMap<>();
        for (int v = 0; v < vmCount; v++) {
            switch (r.nextInt(8)) {
                case 0 -> moved.put("v" + v, NOW - r.nextLong(2 * COOLDOWN.toMillis()));
                case 1 -> held.put("v" + v, NOW + r.nextLong(-3_600_000, 3_600_000));
                case 2 -> flying.put("v" + v, new DaemonMemory.InFlight(r.nextBoolean() ? "t" + v : "", "v" + v,
                        "vm-" + v, vms.get(v).hostKey(), "", "h" + r.nextInt(hostCount), "", NOW - 60_000, "r", "HIGH"));
                default -> { }
            }
        }
        Map<String, Integer> streaks = new HashMap<>();
        List<Action> actions = new ArrayList<>();
        int proposals = r.nextInt(12);
        for (int i = 0; i < proposals && vmCount > 0; i++) {
            int v = r.nextInt(vmCount);
            int from = Integer.parseInt(vms.get(v).hostKey().substring(1));
            int to = r.nextInt(hostCount);
            if (r.nextInt(6) == 0) {
                actions.add(new Action.PowerOff(r.nextInt(hostCount), "random"));
            } else {
                actions.add(new Action.Migrate(v, r.nextInt(10) == 0 ? r.nextInt(hostCount) : from, to, "random",
                        Severity.HIGH));
                streaks.put("migrate v" + v + " h" + from + " h" + to, r.nextInt(4));
            }
        }
        DaemonMemory memoryOf = new DaemonMemory(streaks, moved, held, flying, Map.of());
        PoolState state = new PoolState(NOW, new PoolState.Pool("pool", "h0", false, Map.of()), hosts, vms, List.of());
        return new Case(state, memoryOf, new Plan(actions));
    }

    /** 500 cases: a seed, and limits drawn from it. */
    static Stream<Arguments> cases() {
        return LongStream.range(0, 500).mapToObj(seed -> {
            SplittableRandom r = new SplittableRandom(seed * 7919 + 1);
            return Arguments.of(seed, 1 + r.nextInt(4), 1 + r.nextInt(4), 1 + r.nextInt(3));
        });
    }

    @ParameterizedTest(name = "seed {0}, max-concurrent {1}, max-per-round {2}, repeat-rounds {3}")
    @MethodSource("cases")
    void neverBreaksItsRules(long seed, int maxConcurrent, int maxPerRound, int repeat) {
        Case c = randomCase(seed);
        var s = settings(true, repeat, maxConcurrent, maxPerRound);
        SnapshotBuilder.Built b = built(c.state(), c.memory());
        RoundDecider.Outcome out = RoundDecider.decide(c.plan(), b, c.memory(), s);

        Set<String> busy = new HashSet<>(c.memory().inFlight().keySet());
        c.state().vms().stream().filter(v -> v.operation().isPresent()).forEach(v -> busy.add(v.key()));
        List<RoundDecider.Migration> applied = out.applied().stream()
                .filter(d -> d.proposal() instanceof RoundDecider.Migration)
                .map(d -> (RoundDecider.Migration) d.proposal()).toList();
        assertTrue(busy.size() + applied.size() <= Math.max(maxConcurrent, busy.size()),
                "never more than max-concurrent in flight: " + busy + " + " + applied);
        if (!applied.isEmpty()) {
            assertTrue(busy.size() + applied.size() <= maxConcurrent, "in flight " + busy + " + " + applied);
        }
        assertTrue(applied.size() <= maxPerRound, "max-per-round");
        Set<String> vmsApplied = new HashSet<>();
        Map<String, Long> toHost = new HashMap<>();
        for (RoundDecider.Migration m : applied) {
            assertTrue(vmsApplied.add(m.vmKey()), "a VM moves once: " + m);
            PoolState.Vm vm = c.state().vms().stream().filter(v -> v.key().equals(m.vmKey())).findFirst().orElseThrow();
            assertTrue(c.memory().resting(m.vmKey(), NOW, COOLDOWN).isEmpty(), "never a resting VM: " + m);
            assertTrue(vm.operation().isEmpty(), "never a busy VM");
            assertTrue(!vm.cpu().isEmpty(), "never a VM whose metrics are unknown");
            assertTrue(!vm.tags().contains(PlacementRules.IGNORE_TAG), "never an excluded VM");
            assertEquals(vm.hostKey(), m.fromKey(), "from where it is");
            SnapshotBuilder.HostView to = b.hosts().get(m.to());
            assertTrue(to.host().live() && to.host().enabled(), "never to a disabled or offline host: " + m);
            assertTrue(to.unknown().isEmpty(), "never to a host whose metrics are unknown");
            assertTrue(b.hosts().get(m.from()).unknown().isEmpty(), "never from a host whose load is unknown");
            long reserved = toHost.merge(m.toKey(), vm.memoryBytes(), Long::sum);
            assertTrue(reserved <= to.host().freeMemoryBytes(), "never to a full host: " + m);
            Integer before = c.memory().streaks().get(m.key());
            assertTrue((before == null ? 0 : before) + 1 >= repeat, "only after repeat-rounds");
        }
        for (var d : out.applied()) {
            if (d.proposal() instanceof RoundDecider.PowerOff off) {
                SnapshotBuilder.HostView h = b.hosts().get(off.host());
                assertTrue(!h.master(), "never the master");
                assertTrue(!h.host().powerOnMode().isEmpty(), "only a host the pool can power on again");
                assertEquals(0, b.snapshot().vmsOnHostCount(off.host()), "only an empty host");
            }
        }
        assertEquals(out, RoundDecider.decide(c.plan(), b, c.memory(), s), "deterministic");
    }

    @Test
    void theRandomCasesExerciseEveryOutcome() {
        Map<String, Integer> seen = new HashMap<>();
        for (long seed = 0; seed < 200; seed++) {
            Case c = randomCase(seed);
            var out = RoundDecider.decide(c.plan(), built(c.state(), c.memory()), c.memory(), settings(true, 2, 3, 3));
            out.decisions().forEach(d -> seen.merge(d.verdict().getClass().getSimpleName(), 1, Integer::sum));
        }
        assertTrue(seen.getOrDefault("Apply", 0) > 20 && seen.getOrDefault("Skip", 0) > 20
                && seen.getOrDefault("Wait", 0) > 20, seen.toString());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void recommendModeNeverApplies(long seed) {
        Case c = randomCase(seed);
        var out = RoundDecider.decide(c.plan(), built(c.state(), c.memory()), c.memory(), settings(false, 1, 4, 4));
        assertTrue(out.applied().isEmpty());
    }
}
