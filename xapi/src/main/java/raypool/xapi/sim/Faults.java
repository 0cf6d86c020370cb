package raypool.xapi.sim;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Faults to inject into the simulated pool. Two ways in: armed by a test for a number of occurrences
 * and then spent ({@link #expireAllSessions}, {@link #failNextCall}, ...), so that a test states exactly
 * what goes wrong and when; or a {@link FaultSpec} from the configuration, whose timed items fire when
 * {@link #tick} passes their time (the server calls it with the wall-clock time since it started) and
 * whose {@code p=F} items are drawn on each call they apply to, from a generator seeded by the stand's
 * seed. Thread-safe; never holds its own lock while it takes the pool's.
 */
public final class Faults {
    private static final System.Logger LOG = System.getLogger(Faults.class.getName());

    /** The error a migration task fails with, given the migration. */
    private interface FailureFor extends SimPool.MigrationFailure {
    }

    private final SimPool pool;
    private final Map<String, Deque<SimError>> failingCalls = new HashMap<>();
    private final Deque<FailureFor> failingTasks = new ArrayDeque<>();
    private int eventsLost;
    private int slowReplies;
    private Duration slowBy = Duration.ZERO;
    private int http500s;
    private int hostOfflineMigrations;
    private final List<FaultSpec.Rule> scheduled = new ArrayList<>();
    private final List<FaultSpec.Rule> perCall = new ArrayList<>();
    private SplittableRandom random = new SplittableRandom(0);
    private Consumer<String> listener = message -> { };

    Faults(SimPool pool) {
        this.pool = pool;
    }

    /** Every open session ends, as when xapi restarts or expires them: the next call gets SESSION_INVALID. */
    public void expireAllSessions() {
        pool.expireAllSessions();
    }

    /** The next call of {@code method} fails with this XAPI error instead of running. */
    public synchronized void failNextCall(String method, String code, String... params) {
        failingCalls.computeIfAbsent(method, m -> new ArrayDeque<>()).addLast(new SimError(code, params));
    }

    /** The next event.from with a token answers EVENTS_LOST. */
    public synchronized void loseEventsOnce() {
        eventsLost++;
    }

    /** The next {@code count} replies (XML-RPC or JSON-RPC) are delayed by {@code delay} (real time). */
    public synchronized void slowReplies(int count, Duration delay) {
        slowReplies = count;
        slowBy = delay;
    }

    /** The next {@code count} requests get HTTP 500 with an HTML body, as xapi answers a broken request. */
    public synchronized void http500(int count) {
        http500s += count;
    }

    /** The next migration task fails halfway with this error. */
    public synchronized void failNextTask(String code, String... params) {
        SimError error = new SimError(code, params);
        failingTasks.addLast((vm, from, to) -> error);
    }

    /** The target host of the next migration goes offline halfway through; the task fails with HOST_OFFLINE. */
    public synchronized void hostOfflineDuringNextMigration() {
        hostOfflineMigrations++;
    }

    /** Called with a line for every fault a {@link FaultSpec} sets off (a command prints them). */
    public synchronized void onFired(Consumer<String> listener) {
        this.listener = listener;
    }

    // ---------------------------------------------------------------- the spec

    synchronized void arm(FaultSpec spec, long seed) {
        random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L);
        for (FaultSpec.Rule rule : spec.rules()) {
            (rule.when() instanceof FaultSpec.After ? scheduled : perCall).add(rule);
        }
        scheduled.sort(Comparator.comparing(r -> ((FaultSpec.After) r.when()).delay()));
    }

    /**
     * Sets off the scheduled faults whose time has come, {@code sinceStart} being the time since the
     * pool's server started (or whatever origin the caller keeps). Each fires once.
     */
    public void tick(Duration sinceStart) {
        List<FaultSpec.Rule> due = new ArrayList<>();
        synchronized (this) {
            while (!scheduled.isEmpty() && !((FaultSpec.After) scheduled.getFirst().when()).delay().minus(sinceStart)
                    .isPositive()) {
                due.add(scheduled.removeFirst());
            }
        }
        for (FaultSpec.Rule rule : due) {
            fired(rule, fire(rule.kind()));
        }
    }

    private String fire(FaultSpec.Kind kind) {
        return switch (kind) {
            case FaultSpec.SessionInvalid s -> {
                pool.expireAllSessions();
                yield "every session ended";
            }
            case FaultSpec.Http500 h -> {
                http500(1);
                yield "the next request gets HTTP 500";
            }
            case FaultSpec.Slow s -> {
                slowReplies(1, s.delay());
                yield "the next reply waits " + s.delay().toMillis() + " ms";
            }
            case FaultSpec.EventsLost e -> {
                loseEventsOnce();
                yield "the next event.from answers EVENTS_LOST";
            }
            case FaultSpec.TaskFail t -> {
                if (pool.failOldestMigration((vm, from, to) -> taskError(t, vm, from, to))) {
                    yield "the oldest migration in flight failed with " + t.code();
                }
                synchronized (this) {
                    failingTasks.addLast((vm, from, to) -> taskError(t, vm, from, to));
                }
                yield "no migration in flight: the next one fails halfway with " + t.code();
            }
            case FaultSpec.HostOffline o -> {
                int failed = pool.takeHostOffline(o.host());
                yield o.host() + " is offline" + (failed > 0 ? ", " + failed + " migration(s) failed with HOST_OFFLINE" : "");
            }
        };
    }

    private static SimError taskError(FaultSpec.TaskFail t, String vm, String from, String to) {
        return t.code().equals(FaultSpec.TaskFail.DEFAULT_CODE)
                ? new SimError(t.code(), vm, from, to, "simulated failure")
                : new SimError(t.code(), "simulated failure");
    }

    private void fired(FaultSpec.Rule rule, String what) {
        String line = "fault " + rule + ": " + what;
        LOG.log(Level.DEBUG, line);
        Consumer<String> l;
        synchronized (this) {
            l = listener;
        }
        l.accept(line);
    }

    /** True when a {@code p=F} rule of this kind (and, for host-offline, this host) draws a hit. */
    private synchronized Optional<FaultSpec.Rule> draw(Class<? extends FaultSpec.Kind> kind, Optional<String> host) {
        for (FaultSpec.Rule rule : perCall) {
            if (!kind.isInstance(rule.kind())) {
                continue;
            }
            if (host.isPresent() && rule.kind() instanceof FaultSpec.HostOffline(String h) && !h.equals(host.get())) {
                continue;
            }
            if (random.nextDouble() < ((FaultSpec.EachCall) rule.when()).probability()) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- what the pool asks

    synchronized Optional<SimError> takeCallFailure(String method) {
        Deque<SimError> queue = failingCalls.get(method);
        return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of(queue.removeFirst());
    }

    /** Before a call with a session: whether every session ends now (session-invalid@p=F). */
    boolean takeSessionExpiry() {
        Optional<FaultSpec.Rule> hit = draw(FaultSpec.SessionInvalid.class, Optional.empty());
        hit.ifPresent(rule -> fired(rule, "every session ended"));
        return hit.isPresent();
    }

    boolean takeEventsLost() {
        synchronized (this) {
            if (eventsLost > 0) {
                eventsLost--;
                return true;
            }
        }
        return draw(FaultSpec.EventsLost.class, Optional.empty()).isPresent();
    }

    Optional<Duration> takeSlowReply() {
        synchronized (this) {
            if (slowReplies > 0) {
                slowReplies--;
                return Optional.of(slowBy);
            }
        }
        return draw(FaultSpec.Slow.class, Optional.empty()).map(rule -> ((FaultSpec.Slow) rule.kind()).delay());
    }

    boolean takeHttp500() {
        synchronized (this) {
            if (http500s > 0) {
                http500s--;
                return true;
            }
        }
        return draw(FaultSpec.Http500.class, Optional.empty()).isPresent();
    }

    /** For a migration starting now: the error it fails with halfway, if one is armed or drawn. */
    Optional<SimError> takeTaskFailure(String vm, String from, String to) {
        synchronized (this) {
            if (!failingTasks.isEmpty()) {
                return Optional.of(failingTasks.removeFirst().of(vm, from, to));
            }
        }
        return draw(FaultSpec.TaskFail.class, Optional.empty())
                .map(rule -> taskError((FaultSpec.TaskFail) rule.kind(), vm, from, to));
    }

    /** For a migration starting now to the host named {@code target}: whether the target goes offline halfway. */
    boolean takeHostOffline(String target) {
        synchronized (this) {
            if (hostOfflineMigrations > 0) {
                hostOfflineMigrations--;
                return true;
            }
        }
        return draw(FaultSpec.HostOffline.class, Optional.of(target)).isPresent();
    }
}
