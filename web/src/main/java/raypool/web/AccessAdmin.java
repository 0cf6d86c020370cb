package raypool.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import raypool.web.access.AclEntry;
import raypool.web.access.GrantPolicy;
import raypool.web.access.ObjectRef;
import raypool.web.access.Principal;
import raypool.web.access.Quota;
import raypool.web.access.Role;
import raypool.web.access.SubjectRef;
import raypool.web.access.VmPlace;
import raypool.web.auth.PasswordHasher;
import raypool.web.http.ApiError;
import raypool.web.pool.PoolGateway;
import raypool.web.store.Store;
import raypool.web.store.UserRecord;

/** Users, groups, ACL entries and quotas: checked input in, stored state out, for the API and the pages. */
public final class AccessAdmin {
    private final Store store;
    private final PoolGateway pool;
    private final PasswordHasher hasher;
    private final Clock clock;

    public AccessAdmin(Store store, PoolGateway pool, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.pool = pool;
        this.hasher = hasher;
        this.clock = clock;
    }

    public void addUser(Principal who, String name, String password) {
        requireAdmin(who);
        if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
            throw ApiError.badRequest("\"name\" may hold letters, digits and . _ @ - (1 to 64)");
        }
        if (password.length() < 8) {
            throw ApiError.badRequest("\"password\" must have at least 8 characters");
        }
        if (!store.addUser(new UserRecord(name, Optional.of(hasher.hash(password)), "local", false), clock.instant())) {
            throw new ApiError(409, "USER_EXISTS", "a user named " + name + " exists");
        }
    }

    public void addToGroup(Principal who, String group, String user) {
        requireAdmin(who);
        if (store.user(user).isEmpty()) {
            throw new ApiError(404, "NO_SUCH_USER", "no user named " + user);
        }
        store.addToGroup(group, user);
    }

    /** Grants a role: service admins anything; a VM's admin roles on that VM. Unknown VMs are 404 for others. */
    public AclEntry grant(Principal who, String subject, String object, String role) {
        SubjectRef s = SubjectRef.parse(subject).orElseThrow(() -> ApiError.badRequest(
                "\"subject\" must be a user name, user:NAME or group:NAME"));
        ObjectRef o = ObjectRef.parse(object).orElseThrow(() -> ApiError.badRequest(
                "\"object\" must be vm:UUID, host:UUID or pool"));
        Role r = Role.parse(role).orElseThrow(() -> ApiError.badRequest("\"role\" must be viewer, operator or admin"));
        AclEntry entry = new AclEntry(s, o, r);
        Optional<VmPlace> target = o.kind() == ObjectRef.Kind.VM
                ? pool.read().vm(o.uuid()).map(v -> v.place()) : Optional.empty();
        List<AclEntry> acl = store.acl();
        if (!GrantPolicy.mayGrant(who, acl, entry, target)) {
            if (o.kind() == ObjectRef.Kind.VM && !who.serviceAdmin()) {
                // a VM the granter cannot administer might as well not exist
                throw ApiError.notFound();
            }
            throw new ApiError(403, "FORBIDDEN", "only service administrators grant roles on hosts and the pool");
        }
        if (s.kind() == SubjectRef.Kind.USER && store.user(s.name()).isEmpty()) {
            throw new ApiError(404, "NO_SUCH_USER", "no user named " + s.name());
        }
        store.grant(entry);
        return entry;
    }

    public Quota setQuota(Principal who, String subject, Map<String, OptionalLong> limits, List<String> networks) {
        requireAdmin(who);
        SubjectRef s = SubjectRef.parse(subject).orElseThrow(() -> ApiError.badRequest(
                "\"subject\" must be a user name, user:NAME or group:NAME"));
        Quota q = new Quota(s, limits.getOrDefault("vcpus", OptionalLong.empty()),
                limits.getOrDefault("memory_mib", OptionalLong.empty()), limits.getOrDefault("vms", OptionalLong.empty()),
                limits.getOrDefault("disk_gib", OptionalLong.empty()),
                networks.stream().map(String::trim).filter(n -> !n.isEmpty()).distinct().toList());
        store.setQuota(q);
        return q;
    }

    public List<String> users(Principal who) {
        requireAdmin(who);
        return store.userNames();
    }

    public List<AclEntry> acl(Principal who) {
        requireAdmin(who);
        return store.acl();
    }

    public List<Quota> quotas(Principal who) {
        requireAdmin(who);
        return store.quotas();
    }

    private static void requireAdmin(Principal who) {
        if (!who.serviceAdmin()) {
            throw new ApiError(403, "FORBIDDEN", "this needs a service administrator");
        }
    }
}
