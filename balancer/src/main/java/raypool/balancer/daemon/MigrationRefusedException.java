package raypool.balancer.daemon;

/** The pool refused to start a migration, with its error code (e.g. VM_REQUIRES_SR, HOST_OFFLINE). */
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
