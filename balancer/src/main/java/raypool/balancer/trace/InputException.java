package raypool.balancer.trace;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Bad input a user can fix: carries the file and line (or option) it came from, so the command can
 * print one clear message and exit with status 2.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Optional<Path> file;
    private final int line;

    public InputException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = Optional.of(file);
        this.line = line;
    }

    public InputException(Path fileOrDir, String message) {
        super(fileOrDir + ": " + message);
        this.file = Optional.of(fileOrDir);
        this.line = 0;
    }

    public InputException(String message) {
        super(message);
        this.file = Optional.empty();
        this.line = 0;
    }

    public Optional<Path> file() {
        return file;
    }

    /** 1-based line, or 0 when the problem is not on one line. */
    public int line() {
        return line;
    }
}
