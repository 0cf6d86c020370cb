package raypool.web.access;

import java.util.Collection;
import java.util.Optional;

/**
 * The access rules, as a pure function: a user, the ACL and a VM's place in, the strongest role the user
 * holds on that VM out. A role comes from an entry that names the user or one of their groups, on the VM
 * itself, on the host it runs on, or on the pool; roles do not combine beyond taking the strongest.
 * Service administrators hold {@link Role#ADMIN} on everything. No role means the VM does not exist for
 * the user: callers answer 404 and leave it out of every list, count and event.
 */
public final class AccessDecider {
    private AccessDecider() {
    }

    public static Optional<Role> role(Principal who, Collection<AclEntry> acl, VmPlace vm) {
        if (who.serviceAdmin()) {
            return Optional.of(Role.ADMIN);
        }
        Optional<Role> best = Optional.empty();
        for (AclEntry e : acl) {
            if (who.is(e.subject()) && covers(e.object(), vm)
                    && (best.isEmpty() || e.role().compareTo(best.get()) > 0)) {
                best = Optional.of(e.role());
            }
        }
        return best;
    }

    public static boolean allows(Principal who, Collection<AclEntry> acl, VmPlace vm, Action action) {
        return role(who, acl, vm).map(r -> r.includes(action.needs())).orElse(false);
    }

    /** Whether some entry naming {@code subject} reaches {@code vm}: the VMs a quota on that subject counts. */
    public static boolean reaches(SubjectRef subject, Collection<AclEntry> acl, VmPlace vm) {
        return acl.stream().anyMatch(e -> e.subject().equals(subject) && covers(e.object(), vm));
    }

    /** Whether a grant on {@code object} reaches {@code vm}. */
    public static boolean covers(ObjectRef object, VmPlace vm) {
        return switch (object.kind()) {
            case POOL -> true;
            case HOST -> vm.hostUuid().map(object.uuid()::equals).orElse(false);
            case VM -> object.uuid().equals(vm.vmUuid());
        };
    }
}
