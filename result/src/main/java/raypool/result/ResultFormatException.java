package raypool.result;

import java.nio.file.Path;

/**
 * A result file that cannot be used: missing, unreadable or not a raybench result. The message is
 * {@code file[:line]: detail}; the parts are kept for callers that word it their own way.
 */
public final class ResultFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String detail;

    public ResultFormatException(Path file, int line, String detail) {
        super(file + (line > 0 ? ":" + line : "") + ": " + detail);
        this.file = file;
        this.line = line;
        this.detail = detail;
    }

    public Path file() {
        return file;
    }

    /** 1-based line of bad JSON, or 0. */
    public int line() {
        return line;
    }

    public String detail() {
        return detail;
    }
}
