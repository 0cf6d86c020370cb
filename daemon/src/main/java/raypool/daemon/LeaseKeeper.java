package raypool.daemon;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.Stamp;

/**
 * Keeps this daemon's {@link Lease} on the pool: takes a free one with a test-and-set, renews it every
 * round, waits while another daemon holds it, replaces an expired one (confirmed on the next read before
 * acting), and gives it back at stop. Every step that matters is an audit event.
 */
final class LeaseKeeper {
    private final LeaseStore store;
    private final String holder;
    private final Duration ttl;
    private boolean leaseHeld;

    LeaseKeeper(LeaseStore store, String holder, Duration ttl) {
        this.store = store;
        this.holder = holder;
        this.ttl = ttl;
    }

    /** Whether there is a lease to keep at all (a pool in memory has none). */
    boolean needed() {
        return store.exists();
    }

    /**
     * Takes, renews or waits for the lease. Empty when this round may act; otherwise what the status
     * should say the daemon is doing.
     */
    Optional<String> step(PoolState state, long poolTime, long previousPoolTime, Stamp at,
                          Consumer<AuditEvent> record) {
        long roundSpan = Math.max(0, poolTime - previousPoolTime);
        // the lease must outlast a few rounds of pool time, whatever the pool's clock speed
        Duration span = ttl.compareTo(Duration.ofMillis(3 * roundSpan)) >= 0 ? ttl
                : Duration.ofMillis(3 * roundSpan);
        Lease.Step step = Lease.step(Optional.ofNullable(state.pool().otherConfig().get(Lease.KEY)), holder,
                poolTime, span);
        switch (step) {
            case Lease.Wait wait -> {
                leaseHeld = false;
                record.accept(new AuditEvent.LeaseWaiting(at.time(), at.poolTime(), at.round(), wait.held().holder(),
                        wait.held().expires(), "another daemon holds the lease (" + Lease.KEY + " in pool.other_config): "
                        + wait.held().holder() + " until " + wait.held().expires() + "; this one waits and does nothing"));
                return Optional.of("waiting: the lease is held by " + wait.held().holder());
            }
            case Lease.Renew renew -> {
                try {
                    store.put(Lease.KEY, renew.next().value());
                } catch (RuntimeException e) {
                    record.accept(new AuditEvent.RoundFailed(at.time(), at.poolTime(), at.round(), "lease",
                            String.valueOf(e.getMessage()), "the lease could not be renewed; nothing is done this round"));
                    return Optional.of("nothing done this round: the lease could not be written");
                }
                leaseHeld = true;
                return Optional.empty();
            }
            case Lease.Take take -> {
                boolean free = take.previous().isEmpty() && !state.pool().otherConfig().containsKey(Lease.KEY);
                try {
                    if (free) {
                        if (!store.create(Lease.KEY, take.next().value())) {
                            leaseHeld = false;
                            record.accept(new AuditEvent.LeaseWaiting(at.time(), at.poolTime(), at.round(), "",
                                    at.poolTime(), "another daemon took the lease just before this one; "
                                    + "the next read says who"));
                            return Optional.of("waiting: another daemon took the lease");
                        }
                    } else {
                        store.put(Lease.KEY, take.next().value());
                    }
                } catch (RuntimeException e) {
                    record.accept(new AuditEvent.RoundFailed(at.time(), at.poolTime(), at.round(), "lease",
                            String.valueOf(e.getMessage()), "the lease could not be written; nothing is done this round"));
                    return Optional.of("nothing done this round: the lease could not be written");
                }
                leaseHeld = true;
                record.accept(new AuditEvent.LeaseAcquired(at.time(), at.poolTime(), at.round(), holder, take.next().expires(),
                        take.previous().map(Lease::holder).orElse(""),
                        take.previous().map(p -> "taken over: " + p.holder() + "'s lease expired at " + p.expires())
                                .orElse("the pool had no lease")));
                if (free) {
                    return Optional.empty();    // the test-and-set made it ours alone
                }
                record.accept(new AuditEvent.RoundSkipped(at.time(), at.poolTime(), at.round(), "lease-settling",
                        "the expired lease was replaced; the next read confirms it is ours before anything is done"));
                return Optional.of("lease taken; acting from the next round");
            }
        }
    }

    /** Gives the lease back, if this daemon holds it (at stop). */
    void release(Stamp at, Consumer<AuditEvent> write) {
        if (!leaseHeld) {
            return;
        }
        try {
            store.remove(Lease.KEY);
            write.accept(new AuditEvent.LeaseReleased(at.time(), at.poolTime(), at.round(), holder,
                    "removed from pool.other_config"));
        } catch (RuntimeException e) {
            write.accept(new AuditEvent.RoundFailed(at.time(), at.poolTime(), at.round(), "lease",
                    String.valueOf(e.getMessage()), "the lease could not be removed; it expires by itself"));
        }
        leaseHeld = false;
    }
}
