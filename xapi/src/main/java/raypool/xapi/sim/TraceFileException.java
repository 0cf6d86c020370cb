package raypool.xapi.sim;

import java.nio.file.Path;

/**
 * A trace file or directory the simulated pool cannot use, with the file and line it is about, so that
 * a command can say so in one line and exit with status 2.
 */
public final class TraceFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;

    TraceFileException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    TraceFileException(Path fileOrDirectory, String message) {
        super(fileOrDirectory + ": " + message);
        this.file = fileOrDirectory;
        this.line = 0;
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the problem, or 0 when it is not on one line. */
    public int line() {
        return line;
    }
}
