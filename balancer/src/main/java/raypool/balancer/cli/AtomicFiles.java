package raypool.balancer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Results are written to a temporary file beside the target and renamed: never half-written. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    interface Writer {
        void write(Path temp) throws IOException;
    }

    static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            writer.write(temp);
            readableByAll(temp);
            Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Temporary files are created private; results are meant to be shared. */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows and friends: the default permissions will do
        }
    }

    static void writeString(Path target, String text) throws IOException {
        write(target, temp -> Files.writeString(temp, text));
    }
}
