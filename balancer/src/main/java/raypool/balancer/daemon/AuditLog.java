package raypool.balancer.daemon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's audit log: one JSON object per line, appended and flushed as each decision is made, so
 * that a crash loses nothing already decided. Every line has {@code time} (wall clock), {@code poolTime}
 * (the pool's clock), {@code round} and {@code event}; the rest depends on the event (see the README).
 * Only names, keys, figures and pool error codes are written: never credentials.
 */
public final class AuditLog implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    /** Writes one line: the fixed fields first, then {@code fields} in order (pairs of name, value). */
    public synchronized void write(long poolTimeMillis, long round, String event, Object... fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("poolTime", Instant.ofEpochMilli(poolTimeMillis).toString());
        line.put("round", round);
        line.put("event", event);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            line.put((String) fields[i], fields[i + 1]);
        }
        try {
            out.write(JSON.writeValueAsString(line));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("audit " + file + ": cannot write", e);
        }
    }

    /** Every line of an audit log that parses as JSON, oldest first; a torn last line is skipped. */
    public static List<JsonNode> readAll(Path file) {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.exists(file)) {
            return lines;
        }
        try {
            for (String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (text.isBlank()) {
                    continue;
                }
                try {
                    lines.add(JSON.readTree(text));
                } catch (IOException e) {
                    // a line cut short by a crash mid-write: nothing after it was decided
                }
            }
        } catch (IOException e) {
            throw new DaemonConfig.ConfigException("audit " + file + ": cannot read: " + e.getMessage());
        }
        return lines;
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
