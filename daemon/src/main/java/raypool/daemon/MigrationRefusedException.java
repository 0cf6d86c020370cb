package raypool.daemon;

/**
 * The pool refused an action the daemon asked for, with its error code (e.g. VM_REQUIRES_SR,
 * HOST_OFFLINE for a migration, HOST_NOT_DISABLED for a shutdown): nothing started.
 */
public final class MigrationRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    public MigrationRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
