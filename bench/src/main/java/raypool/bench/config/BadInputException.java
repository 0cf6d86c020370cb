package raypool.bench.config;

/** Input the user must fix (an option, a scene file): reported in one line, exit status 2. */
public final class BadInputException extends Exception {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }
}
