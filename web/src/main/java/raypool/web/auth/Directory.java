package raypool.web.auth;

import java.util.Optional;
import java.util.Set;

/** A directory users may sign in with (LDAP, Active Directory): checks a password, names the user's groups. */
public interface Directory {
    /** A user the directory accepted: their canonical name and groups. */
    record Accepted(String user, Set<String> groups) {
    }

    /** The user if the directory accepts the password; empty when it refuses or knows no such user. */
    Optional<Accepted> authenticate(String user, String password);
}
