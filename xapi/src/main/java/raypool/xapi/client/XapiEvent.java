package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One entry of event.from: an object of {@code objectClass} was added, modified or deleted.
 * {@code snapshot} is the object's record after the change; XAPI omits it for deletions.
 */
public record XapiEvent(long id, String timestamp, String objectClass, String operation, Ref ref,
                        Optional<JsonNode> snapshot) {
}
