package raypool.xapi.client;

import java.util.List;
import java.util.Map;

/**
 * A reply of event.from. Pass {@code token} to the next call; {@code validRefCounts} is how many
 * objects of each class exist, which lets a client notice that its cache missed a deletion.
 */
public record EventBatch(List<XapiEvent> events, Map<String, Long> validRefCounts, String token) {
    public EventBatch {
        events = List.copyOf(events);
        validRefCounts = Map.copyOf(validRefCounts);
    }
}
