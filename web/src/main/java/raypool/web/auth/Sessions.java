package raypool.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import raypool.web.store.SessionStore;

/**
 * Signed-in sessions: a random 256-bit token (the cookie or bearer value), stored as its SHA-256, and a
 * CSRF token of its own for the session's forms. A session ends when idle for {@code idle} or
 * {@code lifetime} after sign-in, whichever comes first, or at sign-out.
 */
public final class Sessions {
    /** A live session. */
    public record Session(String token, String user, String csrf) {
    }

    private final SessionStore store;
    private final Clock clock;
    private final Duration idle;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    public Sessions(SessionStore store, Clock clock, Duration idle, Duration lifetime) {
        this.store = store;
        this.clock = clock;
        this.idle = idle;
        this.lifetime = lifetime;
    }

    public Session create(String user) {
        String token = randomToken();
        String csrf = randomToken();
        store.add(sha256(token), user, csrf, clock.instant());
        return new Session(token, user, csrf);
    }

    /** The session for {@code token} if it is live; an expired one is removed. */
    public Optional<Session> resolve(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String key = sha256(token);
        Optional<SessionStore.Row> row = store.find(key);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        SessionStore.Row r = row.get();
        if (!r.lastSeen().plus(idle).isAfter(now) || !r.created().plus(lifetime).isAfter(now)) {
            store.remove(key);
            return Optional.empty();
        }
        store.touch(key, now);
        return Optional.of(new Session(token, r.user(), r.csrf()));
    }

    public void end(String token) {
        store.remove(sha256(token));
    }

    public Duration idle() {
        return idle;
    }

    public String randomToken() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Constant-time comparison for CSRF tokens. */
    public static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
