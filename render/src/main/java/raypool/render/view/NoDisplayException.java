package raypool.render.view;

/** There is no screen to open the window on; the message says why and what to do. */
public final class NoDisplayException extends Exception {

    public NoDisplayException(String message) {
        super(message);
    }
}
