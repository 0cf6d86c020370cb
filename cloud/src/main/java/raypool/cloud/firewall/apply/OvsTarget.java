package raypool.cloud.firewall.apply;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The switch to apply to: the bridge, the ovsdb-server socket ({@code ovs-vsctl --db}) and the bridge's
 * OpenFlow management target ({@code ovs-ofctl}), by default {@code BRIDGE.mgmt} beside the database socket,
 * where ovs-vswitchd puts it.
 */
public record OvsTarget(String bridge, Path dbSocket, String openflow) {

    public static OvsTarget of(String bridge, Path dbSocket, Optional<String> openflow) {
        Path dir = dbSocket.toAbsolutePath().getParent();
        return new OvsTarget(bridge, dbSocket, openflow.orElse("unix:" + dir.resolve(bridge + ".mgmt")));
    }

    public String db() {
        return "--db=unix:" + dbSocket;
    }
}
