package raypool.web.access;

/** One discretionary grant: {@code subject} holds {@code role} on {@code object}. */
public record AclEntry(SubjectRef subject, ObjectRef object, Role role) {
}
