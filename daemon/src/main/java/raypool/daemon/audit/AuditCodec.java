package raypool.daemon.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one codec of the audit log: {@link AuditEvent} records to single JSON lines and back. Writing
 * the log and reading it for restart recovery both go through it, so they cannot disagree on a name.
 * Instants are ISO-8601 text ({@code 2024-01-01T13:20:11Z}); fields the records do not know (from a
 * newer or older daemon) are ignored on reading.
 */
public final class AuditCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private AuditCodec() {
    }

    /** One line of JSON, without the line end. */
    public static String encode(AuditEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit event " + event.getClass().getSimpleName() + " cannot be written", e);
        }
    }

    /** What a line of the log holds. */
    public sealed interface Decoded permits Event, Unreadable {
    }

    public record Event(AuditEvent event) implements Decoded {
    }

    /** A line that is not an event this daemon knows: torn by a crash, or of a kind it has no record for. */
    public record Unreadable(String reason) implements Decoded {
    }

    public static Decoded decode(String line) {
        try {
            AuditEvent event = JSON.readValue(line, AuditEvent.class);
            return event == null ? new Unreadable("empty") : new Event(event);
        } catch (JsonProcessingException e) {
            return new Unreadable(e.getOriginalMessage());
        }
    }
}
