package raypool.daemon.cli;

/**
 * A command that cannot go on, with the one line it prints and its exit status: 2 for bad input (an
 * option, a file, a password or certificate the pool refuses), 1 when the pool failed.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final int BAD_INPUT = 2;
    static final int POOL_FAILED = 1;

    private final int status;

    CommandFailure(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
