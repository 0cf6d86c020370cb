package raypool.web.auth;

import java.time.Clock;
import java.util.Optional;
import raypool.web.store.Store;
import raypool.web.store.UserRecord;

/**
 * Checks a user name and password: local users against their Argon2id hash; anyone else against the
 * directory when one is configured. A directory user's first sign-in adds them (no password kept) and
 * their directory groups as group memberships, so that ACL entries on those groups apply.
 */
public final class Authenticator {
    private final Store store;
    private final PasswordHasher hasher;
    private final Optional<Directory> directory;
    private final Clock clock;
    /** Verified against when the user does not exist, so that a wrong name costs as long as a wrong password. */
    private final String decoy;

    public Authenticator(Store store, PasswordHasher hasher, Optional<Directory> directory, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.directory = directory;
        this.clock = clock;
        this.decoy = hasher.hash("decoy password, never anyone's");
    }

    /** The canonical user name when the password is right. */
    public Optional<String> authenticate(String user, String password) {
        Optional<UserRecord> local = store.user(user).filter(u -> u.passwordHash().isPresent());
        if (local.isPresent()) {
            return hasher.verify(password, local.get().passwordHash().orElseThrow()) ? Optional.of(user) : Optional.empty();
        }
        if (directory.isEmpty()) {
            hasher.verify(password, decoy);
            return Optional.empty();
        }
        return directory.get().authenticate(user, password).map(a -> {
            store.addUser(new UserRecord(a.user(), Optional.empty(), "directory", false), clock.instant());
            a.groups().forEach(g -> store.addToGroup(g, a.user()));
            return a.user();
        });
    }
}
