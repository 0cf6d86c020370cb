package raypool.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that readers see either the old one or the whole new one, never half: the content goes
 * to a temporary file in the same folder (same file system, so the rename is atomic) and is renamed over
 * the target when complete; on any failure the temporary file is removed and the target left as it was.
 * Missing folders are created. The file is readable by everyone who may read the folder (temporary files
 * are created owner-only, and a rename would keep that).
 */
public final class AtomicFiles {

    /** Writes the content to a stream; may throw. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Content content) throws IOException {
        Pending pending = begin(target);
        try {
            try (OutputStream out = Files.newOutputStream(pending.temporary())) {
                content.writeTo(out);
            }
            pending.commit();
        } finally {
            pending.discard();
        }
    }

    /**
     * A file written over time (an animation frame by frame, say): write to {@link Pending#temporary()},
     * then {@link Pending#commit()}; {@link Pending#discard()} (always safe, also after commit) leaves the
     * target as it was.
     */
    public static Pending begin(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows and the like: the folder's default permissions apply.
        }
        return new Pending(temp, absolute);
    }

    /** A temporary file beside its target, renamed over it on commit. */
    public record Pending(Path temporary, Path target) {

        public void commit() throws IOException {
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some network file systems cannot; a plain replace still never shows a half-written file.
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        public void discard() throws IOException {
            Files.deleteIfExists(temporary);
        }
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
