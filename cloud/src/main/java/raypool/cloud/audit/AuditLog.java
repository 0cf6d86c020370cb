package raypool.cloud.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import raypool.xapi.connect.CommandFailure;

/**
 * The audit log: one {@link AuditRecord} per line, appended as each change is made (one write of a
 * whole line with O_APPEND, so lines of two commands running at once do not interleave).
 */
public final class AuditLog {
    private final Path file;

    public AuditLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Checks that the log can be appended to before any change is made (bad input: exit 2). */
    public void requireWritable() {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, new byte[0], StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw CommandFailure.badInput("option --audit-log: cannot append to " + file + " (" + e.getMessage() + ")");
        }
    }

    public void append(AuditRecord record) {
        try {
            Files.writeString(file, AuditCodec.encode(record) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw CommandFailure.refused("the change was made, but the audit log " + file + " could not be written: "
                    + e.getMessage());
        }
    }

    /** Every record, oldest first; a line that is not a record is bad input naming the file and line. */
    public static List<AuditRecord> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw CommandFailure.badInput("cannot read " + file + ": " + e.getMessage());
        }
        List<AuditRecord> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                out.add(AuditCodec.decode(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw CommandFailure.badInput(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return out;
    }
}
