package raypool.daemon.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import raypool.xapi.client.Ref;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;

/**
 * Asks the pool whether a live migration would be accepted, without starting it:
 * {@code VM.assert_can_migrate(vm, dest, live=true, {}, {}, {})}, {@code dest} being what
 * {@code host.migrate_receive} hands out for the destination and its management network (xapi's
 * pool_migrate runs the same preflight). Raises nothing: the answer is the refusal, if any.
 */
public final class XapiMigrationCheck {
    private final XapiClient client;

    public XapiMigrationCheck(XapiClient client) {
        this.client = client;
    }

    /** The refusal as "CODE [params]", or empty when the pool would accept the move. */
    public Optional<String> refusal(String vm, String host) {
        try {
            JsonNode dest = client.call("host.migrate_receive", new Ref(host), managementNetwork(host), Map.of());
            client.call("VM.assert_can_migrate", new Ref(vm), dest, true, Map.of(), Map.of(), Map.of());
            return Optional.empty();
        } catch (XapiError e) {
            return Optional.of(e.code() + (e.params().isEmpty() ? "" : " " + e.params()));
        }
    }

    /** The network of the host's management interface; a pool without PIF records (the simulated one) gets NULL. */
    private Ref managementNetwork(String host) {
        try {
            JsonNode pifs = client.call("PIF.get_all_records");
            for (var e : pifs.properties()) {
                JsonNode pif = e.getValue();
                if (pif.path("host").asText().equals(host) && pif.path("management").asBoolean(false)) {
                    return new Ref(pif.path("network").asText());
                }
            }
        } catch (XapiError e) {
            // no PIF class here: the pool does not need the network to check a move within itself
        }
        return Ref.NULL;
    }
}
