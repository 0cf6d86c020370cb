package raypool.daemon;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The lease that keeps two daemons from balancing one pool at once: the value of
 * {@value #KEY} in pool.other_config, {@code HOLDER;EXPIRY} (EXPIRY an ISO-8601 instant of the pool's
 * clock). A daemon in automatic mode acts only while it holds an unexpired lease, renews it every round,
 * and removes it when it stops. A free lease is taken with a test-and-set (only one of two daemons
 * starting together gets it); one taken over from a daemon whose lease expired is confirmed on the next
 * round's read before the new holder acts, since replacing is not atomic.
 */
public record Lease(String holder, Instant expires) {
    public static final String KEY = "raypool-balancer-lease";

    public String value() {
        return holder + ";" + expires;
    }

    public static Optional<Lease> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int semi = value.lastIndexOf(';');
        if (semi <= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Lease(value.substring(0, semi), Instant.parse(value.substring(semi + 1).strip())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** What the daemon does about the lease this round. */
    public sealed interface Step permits Renew, Take, Wait {
    }

    /** Ours and unexpired: renew it, and act. */
    public record Renew(Lease next) implements Step {
    }

    /** Free (previous empty): take it and act; expired or unreadable: replace it, and act once confirmed. */
    public record Take(Lease next, Optional<Lease> previous) implements Step {
    }

    /** Another daemon holds it: do nothing to the pool. */
    public record Wait(Lease held) implements Step {
    }

    /** The pure decision, from what the pool's other_config holds now. */
    public static Step step(Optional<String> current, String me, long nowMillis, Duration ttl) {
        Optional<Lease> lease = current.flatMap(Lease::parse);
        Lease next = new Lease(me, Instant.ofEpochMilli(nowMillis).plus(ttl));
        if (lease.isPresent() && !lease.get().holder().equals(me)
                && lease.get().expires().toEpochMilli() > nowMillis) {
            return new Wait(lease.get());
        }
        if (lease.isPresent() && lease.get().holder().equals(me)) {
            return new Renew(next);
        }
        return new Take(next, lease);
    }
}
