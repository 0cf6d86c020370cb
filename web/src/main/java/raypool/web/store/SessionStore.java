package raypool.web.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Signed-in sessions, by the SHA-256 of their token (the token itself is never stored). */
public final class SessionStore {
    private final Database db;

    /** A session row: who, its CSRF token, when it began and when it was last used. */
    public record Row(String user, String csrf, Instant created, Instant lastSeen) {
    }

    public SessionStore(Database db) {
        this.db = db;
    }

    public void add(String tokenSha256, String user, String csrf, Instant now) {
        update("add session", "INSERT INTO sessions (token_sha256, user_name, csrf, created_at, last_seen) VALUES (?, ?, ?, ?, ?)",
                tokenSha256, user, csrf, Timestamp.from(now), Timestamp.from(now));
    }

    public Optional<Row> find(String tokenSha256) {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(
                "SELECT user_name, csrf, created_at, last_seen FROM sessions WHERE token_sha256 = ?")) {
            s.setString(1, tokenSha256);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Row(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(),
                        r.getTimestamp(4).toInstant())) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("read session", e);
        }
    }

    public void touch(String tokenSha256, Instant now) {
        update("touch session", "UPDATE sessions SET last_seen = ? WHERE token_sha256 = ?", Timestamp.from(now), tokenSha256);
    }

    public void remove(String tokenSha256) {
        update("remove session", "DELETE FROM sessions WHERE token_sha256 = ?", tokenSha256);
    }

    private void update(String what, String sql, Object... args) {
        try (Connection c = db.connection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(what, e);
        }
    }
}
