package raypool.xapi.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Faults to inject into the simulated pool, each armed for a number of occurrences and then spent,
 * so that a test states exactly what goes wrong and when. Thread-safe.
 */
public final class Faults {
    private final SimPool pool;
    private final Map<String, Deque<SimError>> failingCalls = new HashMap<>();
    private final Deque<SimError> failingTasks = new ArrayDeque<>();
    private int eventsLost;
    private int slowReplies;
    private Duration slowBy = Duration.ZERO;
    private int http500s;
    private int hostOfflineMigrations;

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

    /** The next {@code count} JSON-RPC replies are delayed by {@code delay} (real time). */
    public synchronized void slowReplies(int count, Duration delay) {
        slowReplies = count;
        slowBy = delay;
    }

    /** The next {@code count} JSON-RPC requests get HTTP 500 with an HTML body, as xapi answers a broken request. */
    public synchronized void http500(int count) {
        http500s += count;
    }

    /** The next migration task fails halfway with this error. */
    public synchronized void failNextTask(String code, String... params) {
        failingTasks.addLast(new SimError(code, params));
    }

    /** The target host of the next migration goes offline halfway through; the task fails with HOST_OFFLINE. */
    public synchronized void hostOfflineDuringNextMigration() {
        hostOfflineMigrations++;
    }

    synchronized Optional<SimError> takeCallFailure(String method) {
        Deque<SimError> queue = failingCalls.get(method);
        return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of(queue.removeFirst());
    }

    synchronized boolean takeEventsLost() {
        if (eventsLost == 0) {
            return false;
        }
        eventsLost--;
        return true;
    }

    synchronized Optional<Duration> takeSlowReply() {
        if (slowReplies == 0) {
            return Optional.empty();
        }
        slowReplies--;
        return Optional.of(slowBy);
    }

    synchronized boolean takeHttp500() {
        if (http500s == 0) {
            return false;
        }
        http500s--;
        return true;
    }

    synchronized Optional<SimError> takeTaskFailure() {
        return failingTasks.isEmpty() ? Optional.empty() : Optional.of(failingTasks.removeFirst());
    }

    synchronized boolean takeHostOffline() {
        if (hostOfflineMigrations == 0) {
            return false;
        }
        hostOfflineMigrations--;
        return true;
    }
}
