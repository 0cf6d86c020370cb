package raypool.daemon.cli;

import raypool.daemon.DaemonConfig;
import raypool.xapi.client.TlsPolicy;

/** The command's choice of a member's trust, for tests in other packages. */
public final class MemberTrustAccess {
    private MemberTrustAccess() {
    }

    public static TlsPolicy memberTrust(DaemonConfig config, String name, String address) {
        return PoolConnection.memberTrust(config, name, address);
    }
}
