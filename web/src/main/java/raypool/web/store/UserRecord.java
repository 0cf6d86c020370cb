package raypool.web.store;

import java.util.Optional;

/** A user of the service: local (with an Argon2id hash) or from the directory (no hash kept). */
public record UserRecord(String name, Optional<String> passwordHash, String source, boolean serviceAdmin) {
}
