package raypool.engine.kernel;

/**
 * A kernel cannot run here, for a reason the user can fix (a platform to install, a device index out of
 * range, a module missing from the class path). Commands print the message and exit with status 2.
 */
public class KernelUnavailableException extends RuntimeException {

    public KernelUnavailableException(String message) {
        super(message);
    }

    public KernelUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
