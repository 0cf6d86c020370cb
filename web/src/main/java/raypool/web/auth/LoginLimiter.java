package raypool.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Limits failed sign-ins: after {@code maxFailures} failures within {@code window} for one user name, or
 * for one client address, further attempts from that name or address are refused until the oldest failure
 * leaves the window. Successful sign-ins do not count. In memory: a restart forgets, which only helps
 * someone who can restart the service anyway.
 */
public final class LoginLimiter {
    private final int maxFailures;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginLimiter(int maxFailures, Duration window, Clock clock) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.clock = clock;
    }

    /** How long the caller must wait before trying again, or empty when it may try now. */
    public synchronized Optional<Duration> blocked(String user, String address) {
        Instant now = clock.instant();
        Optional<Duration> a = wait(key("user", user), now);
        Optional<Duration> b = wait(key("addr", address), now);
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get().compareTo(b.get()) > 0 ? a.get() : b.get());
        }
        return a.isPresent() ? a : b;
    }

    public synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        failures.computeIfAbsent(key("user", user), k -> new ArrayDeque<>()).addLast(now);
        failures.computeIfAbsent(key("addr", address), k -> new ArrayDeque<>()).addLast(now);
    }

    private Optional<Duration> wait(String key, Instant now) {
        Deque<Instant> q = failures.get(key);
        if (q == null) {
            return Optional.empty();
        }
        while (!q.isEmpty() && !q.peekFirst().plus(window).isAfter(now)) {
            q.removeFirst();
        }
        if (q.isEmpty()) {
            failures.remove(key); // forgotten once its failures are old: the map holds recent failures only
            return Optional.empty();
        }
        if (q.size() < maxFailures) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, q.peekFirst().plus(window)));
    }

    private static String key(String kind, String value) {
        return kind + ":" + value;
    }
}
