package raypool.web.access;

import java.util.Set;

/**
 * The signed-in user as the access rules see them: their name, the groups they are in, and whether they
 * administer this service (who sees every VM and the dashboard, and manages users, ACLs and quotas).
 */
public record Principal(String user, Set<String> groups, boolean serviceAdmin) {
    public Principal {
        groups = Set.copyOf(groups);
    }

    /** Whether an ACL entry or quota naming {@code subject} applies to this user. */
    public boolean is(SubjectRef subject) {
        return switch (subject.kind()) {
            case USER -> subject.name().equals(user);
            case GROUP -> groups.contains(subject.name());
        };
    }
}
