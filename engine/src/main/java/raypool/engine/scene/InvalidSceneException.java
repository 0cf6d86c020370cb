package raypool.engine.scene;

/** A scene value out of its domain. {@link #field()} names the offending field for error messages. */
public final class InvalidSceneException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidSceneException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
