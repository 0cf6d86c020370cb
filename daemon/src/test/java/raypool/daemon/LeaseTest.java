package raypool.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaseTest {
    static final long NOW = 1_700_000_000_000L;
    static final Duration TTL = Duration.ofMinutes(5);

    @Test
    void freeTakenRenewedOrWaitedFor() {
        var take = assertInstanceOf(Lease.Take.class, Lease.step(Optional.empty(), "me", NOW, TTL));
        assertEquals(new Lease("me", Instant.ofEpochMilli(NOW).plus(TTL)), take.next());
        String mine = take.next().value();
        assertInstanceOf(Lease.Renew.class, Lease.step(Optional.of(mine), "me", NOW + 60_000, TTL));
        var wait = assertInstanceOf(Lease.Wait.class, Lease.step(Optional.of(mine), "other", NOW + 60_000, TTL));
        assertEquals("me", wait.held().holder());
        var expired = assertInstanceOf(Lease.Take.class, Lease.step(Optional.of(mine), "other", NOW + TTL.toMillis(),
                TTL));
        assertEquals("me", expired.previous().orElseThrow().holder());
        assertInstanceOf(Lease.Take.class, Lease.step(Optional.of("garbage"), "me", NOW, TTL));
    }

    @Test
    void holderNamesMayHoldColonsAndAtSigns() {
        Lease l = new Lease("raypool-daemon@host:/var/lib/a;b".replace(";", ""), Instant.ofEpochSecond(1_700_000_000));
        assertEquals(Optional.of(l), Lease.parse(l.value()));
    }
}
