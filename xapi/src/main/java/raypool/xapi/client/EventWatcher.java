package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * event.from long-polls. The server holds the call up to {@code timeout}; the HTTP reply timeout is
 * longer by a margin, or a quiet pool would look like a dead connection. On EVENTS_LOST the caller
 * resynchronises with get_all_records and starts again from the empty token.
 *
 * <p>One watcher per thread: it holds the token between calls.
 */
public final class EventWatcher {
    /** Extra reply time beyond the server-side wait: network and scheduling delays. */
    static final Duration REPLY_MARGIN = Duration.ofSeconds(5);

    private final XapiClient client;
    private final List<String> classes;
    private String token = "";

    public EventWatcher(XapiClient client, List<String> classes) {
        this.client = client;
        this.classes = List.copyOf(classes);
    }

    public String token() {
        return token;
    }

    /** Forgets the token, so that the next call starts with every current object (after EVENTS_LOST). */
    public void reset() {
        token = "";
    }

    /** Waits up to {@code timeout} for events after the current token, and advances the token. */
    public EventBatch next(Duration timeout) {
        Duration reply = timeout.plus(REPLY_MARGIN).plus(timeout.dividedBy(10));
        double seconds = timeout.toMillis() / 1000.0;
        JsonNode result = client.callWithin(reply, "event.from", classes, token, seconds);
        EventBatch batch = parse(result);
        token = batch.token();
        return batch;
    }

    static EventBatch parse(JsonNode result) {
        List<XapiEvent> events = new ArrayList<>();
        for (JsonNode e : result.path("events")) {
            JsonNode snapshot = e.get("snapshot");
            events.add(new XapiEvent(
                    e.has("id") ? Wire.int64(e, "id") : 0L,
                    e.path("timestamp").asText(""),
                    Wire.string(e, "class"),
                    Wire.string(e, "operation"),
                    Wire.ref(e, "ref"),
                    snapshot == null || snapshot.isNull() ? Optional.empty() : Optional.of(snapshot)));
        }
        Map<String, Long> counts = new HashMap<>();
        JsonNode valid = result.path("valid_ref_counts");
        valid.properties().forEach(c -> counts.put(c.getKey(), Wire.int64(valid, c.getKey())));
        return new EventBatch(events, counts, Wire.string(result, "token"));
    }
}
