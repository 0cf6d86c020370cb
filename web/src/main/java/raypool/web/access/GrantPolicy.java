package raypool.web.access;

import java.util.Collection;
import java.util.Optional;

/**
 * Who may add an ACL entry (pure): a service administrator any entry; anyone else only entries on a
 * single VM they hold {@link Role#ADMIN} on (delegating their own VM), which can never reach further.
 */
public final class GrantPolicy {
    private GrantPolicy() {
    }

    /** @param target the VM the entry is on, when it is on a VM the granter can see */
    public static boolean mayGrant(Principal granter, Collection<AclEntry> acl, AclEntry entry, Optional<VmPlace> target) {
        if (granter.serviceAdmin()) {
            return true;
        }
        if (entry.object().kind() != ObjectRef.Kind.VM || target.isEmpty()) {
            return false;
        }
        return AccessDecider.role(granter, acl, target.get()).map(r -> r.includes(Role.ADMIN)).orElse(false);
    }
}
