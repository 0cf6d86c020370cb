package raypool.daemon.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import raypool.daemon.DaemonConfig;

/**
 * The daemon's audit log: one {@link AuditEvent} per line (JSON, through {@link AuditCodec}), appended
 * and flushed as each decision is made, so that a crash loses nothing already decided, and read back
 * at start to rebuild the daemon's memory.
 */
public final class AuditLog implements AutoCloseable {
    private final Path file;
    private final BufferedWriter out;

    public AuditLog(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new DaemonConfig.ConfigException("audit " + file + ": cannot open for appending: " + e.getMessage());
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one event and flushes it to the file before returning. */
    public synchronized void write(AuditEvent event) {
        try {
            out.write(AuditCodec.encode(event));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("audit " + file + ": cannot write", e);
        }
    }

    /** The events of a log, oldest first, and how many lines could not be read (a torn last line, say). */
    public record Contents(List<AuditEvent> events, int unreadable) {
        public Contents {
            events = List.copyOf(events);
        }

        public <T extends AuditEvent> List<T> of(Class<T> kind) {
            return events.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }

    public static Contents read(Path file) {
        if (!Files.exists(file)) {
            return new Contents(List.of(), 0);
        }
        try {
            return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DaemonConfig.ConfigException("audit " + file + ": cannot read: " + e.getMessage());
        }
    }

    public static Contents parse(List<String> lines) {
        List<AuditEvent> events = new ArrayList<>();
        int unreadable = 0;
        for (String text : lines) {
            if (text.isBlank()) {
                continue;
            }
            switch (AuditCodec.decode(text)) {
                case AuditCodec.Event e -> events.add(e.event());
                case AuditCodec.Unreadable u -> unreadable++;
            }
        }
        return new Contents(events, unreadable);
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            // closing a flushed log: nothing left to lose
        }
    }
}
