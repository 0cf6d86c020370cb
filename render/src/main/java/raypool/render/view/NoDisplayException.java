package raypool.render.view;

/** There is no screen to open the window on; the message says why and what to do. */
public final class NoDisplayException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoDisplayException(String message) {
        super(message);
    }
}
