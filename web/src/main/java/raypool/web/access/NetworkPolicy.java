package raypool.web.access;

import java.util.Collection;

/**
 * Which networks a user may attach to or detach from their VMs (pure): those listed, by name or uuid, in
 * the quotas of the user or of one of their groups. Service administrators may use every network.
 */
public final class NetworkPolicy {
    private NetworkPolicy() {
    }

    public static boolean mayUse(Principal who, Collection<Quota> quotas, String networkUuid, String networkName) {
        if (who.serviceAdmin()) {
            return true;
        }
        return quotas.stream().filter(q -> who.is(q.subject())).flatMap(q -> q.networks().stream())
                .anyMatch(n -> n.equals(networkUuid) || n.equals(networkName));
    }
}
