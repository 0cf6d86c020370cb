package raypool.cloud.view;

import java.util.Map;
import raypool.xapi.client.Ref;

/** A network: a bridge on every host; private ones are carried between hosts by tunnels. */
public record NetworkView(Ref ref, String uuid, String name, String bridge, long mtu, Map<String, String> otherConfig) {
}
