package raypool.engine.scene.io;

/**
 * A scene file that cannot be read. The message always starts with {@code file:line:} and names the
 * field, so a user can go straight to the mistake.
 */
public final class SceneFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String field;

    public SceneFormatException(String source, int line, String field, String problem) {
        super(source + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.source = source;
        this.line = line;
        this.field = field;
    }

    public String source() {
        return source;
    }

    /** 1-based line number; 0 when the problem concerns the whole file (e.g. no camera). */
    public int line() {
        return line;
    }

    public String field() {
        return field;
    }
}
