package raypool.web.access;

import java.util.Locale;
import java.util.Optional;

/** What an ACL entry grants on its object, in increasing power: each role includes the ones before it. */
public enum Role {
    /** sees the VM: in lists, counts, pages, the event stream */
    VIEWER,
    /** and starts, shuts down, reboots, suspends and resumes it */
    OPERATOR,
    /** and changes its vCPUs and memory, within quota */
    ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        for (Role r : values()) {
            if (r.wireName().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
