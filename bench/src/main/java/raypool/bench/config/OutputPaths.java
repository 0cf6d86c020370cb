package raypool.bench.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks where results will go before anything runs, so that a long run does not end in "cannot write":
 * a file's folder must exist (or be creatable under one that does) and be writable, and the file itself
 * must not be a folder; a folder of pictures must be a folder, or creatable.
 */
public final class OutputPaths {

    private OutputPaths() {
    }

    /** A result file named by {@code option} (e.g. --json). */
    public static void checkFile(String option, Path file) throws BadInputException {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new BadInputException(option + ": " + file + " is a folder; give a file name");
        }
        if (Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new BadInputException(option + ": " + file + " exists and cannot be overwritten (no write permission)");
        }
        checkCreatable(option, absolute.getParent(), file);
    }

    /** A folder of files named by {@code option} (e.g. --plots); created when missing. */
    public static void checkFolder(String option, Path folder) throws BadInputException {
        Path absolute = folder.toAbsolutePath();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw new BadInputException(option + ": " + folder + " is a file, not a folder");
            }
            if (!Files.isWritable(absolute)) {
                throw new BadInputException(option + ": cannot write into " + folder + " (no write permission)");
            }
            return;
        }
        checkCreatable(option, absolute.getParent(), folder);
    }

    /** The nearest existing ancestor of {@code folder} must be a writable folder. */
    private static void checkCreatable(String option, Path folder, Path named) throws BadInputException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new BadInputException(option + ": cannot create " + named + " (" + existing + " is not a folder)");
        }
        if (!Files.isWritable(existing)) {
            throw new BadInputException(option + ": cannot create " + named + " (no write permission in " + existing + ")");
        }
    }
}
