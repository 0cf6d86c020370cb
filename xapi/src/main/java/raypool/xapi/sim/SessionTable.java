package raypool.xapi.sim;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Who is logged in. A session exists from login to logout (or expiry by a fault), and no longer. */
final class SessionTable {
    private final List<SimUser> users;
    private final Map<String, SimSession> sessions = new ConcurrentHashMap<>();

    SessionTable(List<SimUser> users) {
        this.users = List.copyOf(users);
    }

    String login(String user, String password, String originator) {
        for (SimUser u : users) {
            if (u.name().equals(user) && u.password().equals(password)) {
                // a session ref is a credential: random, never from the stand's seeded generator
                String ref = "OpaqueRef:" + UUID.randomUUID();
                sessions.put(ref, new SimSession(ref, user, u.role(), originator));
                return ref;
            }
        }
        throw new SimError("SESSION_AUTHENTICATION_FAILED", user, "Authentication failure");
    }

    void logout(String ref) {
        if (sessions.remove(ref) == null) {
            throw new SimError("SESSION_INVALID", ref);
        }
    }

    /** The session, or SESSION_INVALID as xapi answers for a ref it does not know. */
    SimSession require(String ref) {
        SimSession s = sessions.get(ref);
        if (s == null) {
            throw new SimError("SESSION_INVALID", ref);
        }
        return s;
    }

    int size() {
        return sessions.size();
    }

    void expireAll() {
        sessions.clear();
    }
}
