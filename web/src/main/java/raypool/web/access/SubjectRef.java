package raypool.web.access;

import java.util.Optional;

/**
 * Who an ACL entry or a quota names: a user or a group. Written {@code user:NAME} or {@code group:NAME};
 * a bare name is a user.
 */
public record SubjectRef(Kind kind, String name) {
    public enum Kind { USER, GROUP }

    public SubjectRef {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a subject needs a name");
        }
    }

    public static SubjectRef user(String name) {
        return new SubjectRef(Kind.USER, name);
    }

    public static SubjectRef group(String name) {
        return new SubjectRef(Kind.GROUP, name);
    }

    public static Optional<SubjectRef> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        if (text.startsWith("group:") && text.length() > 6) {
            return Optional.of(group(text.substring(6)));
        }
        if (text.startsWith("user:") && text.length() > 5) {
            return Optional.of(user(text.substring(5)));
        }
        return text.contains(":") ? Optional.empty() : Optional.of(user(text));
    }

    public String wire() {
        return (kind == Kind.USER ? "user:" : "group:") + name;
    }
}
