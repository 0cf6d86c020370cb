package raypool.daemon;

/** The pool did not answer usefully (connection refused, HTTP 500, timeout); the next round tries again. */
public final class PoolUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PoolUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
