package raypool.xapi.connect;

/**
 * A command that cannot go on, with the one line it prints and its exit status: {@link #BAD_INPUT} (2)
 * for an option, a file, a password or a certificate that is wrong, {@link #POOL_REFUSED} (1) when the
 * pool refused or failed.
 */
public final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public static final int BAD_INPUT = 2;
    public static final int POOL_REFUSED = 1;

    private final int status;

    public CommandFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    /** Bad input: the message names the option or file. */
    public static CommandFailure badInput(String message) {
        return new CommandFailure(BAD_INPUT, message);
    }

    /** The pool refused: the message names the XAPI error code and what it means. */
    public static CommandFailure refused(String message) {
        return new CommandFailure(POOL_REFUSED, message);
    }

    public int status() {
        return status;
    }
}
