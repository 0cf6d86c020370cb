package raypool.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginLimiter limiter = new LoginLimiter(3, Duration.ofMinutes(10), clock);

    @Test
    void theFourthTryAfterThreeFailuresWaitsForTheWindow() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.blocked("ann", "10.0.0.1"));
            limiter.failed("ann", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(Optional.of(Duration.ofMinutes(7)), limiter.blocked("ann", "10.0.0.1"));
        assertTrue(limiter.blocked("ann", "10.9.9.9").isPresent(), "the name is blocked from any address");
        assertTrue(limiter.blocked("bob", "10.0.0.1").isPresent(), "the address is blocked for any name");
        assertEquals(Optional.empty(), limiter.blocked("bob", "10.9.9.9"));
        clock.advance(Duration.ofMinutes(7));
        assertEquals(Optional.empty(), limiter.blocked("ann", "10.0.0.1"));
    }
}
