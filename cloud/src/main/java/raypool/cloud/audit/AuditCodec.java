package raypool.cloud.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one codec of the cloud audit log: an {@link AuditRecord} to one line of JSON and back. Instants
 * are ISO-8601 text; an absent error is left out; fields this version does not know are ignored.
 */
public final class AuditCodec {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_ABSENT))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    private AuditCodec() {
    }

    /** One line of JSON, without the line end. */
    public static String encode(AuditRecord record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit record of " + record.call() + " cannot be written", e);
        }
    }

    /** The record on one line; throws IllegalArgumentException naming what is wrong with it. */
    public static AuditRecord decode(String line) {
        try {
            AuditRecord r = JSON.readValue(line, AuditRecord.class);
            if (r == null || r.call() == null || r.at() == null || r.outcome() == null) {
                throw new IllegalArgumentException("not an audit record (no at, call or outcome)");
            }
            return r;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
