package raypool.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import raypool.web.access.AccessDecider;
import raypool.web.access.AclEntry;
import raypool.web.access.Action;
import raypool.web.access.NetworkPolicy;
import raypool.web.access.Principal;
import raypool.web.access.Quota;
import raypool.web.access.QuotaChecker;
import raypool.web.access.QuotaVerdict;
import raypool.web.access.Role;
import raypool.web.access.SubjectRef;
import raypool.web.access.Usage;
import raypool.web.http.ApiError;
import raypool.web.pool.ChangePlan;
import raypool.web.pool.ChangePlanner;
import raypool.web.pool.HardwareChange;
import raypool.web.pool.PoolGateway;
import raypool.web.pool.PoolView;
import raypool.web.pool.PowerOp;
import raypool.web.pool.DiskPlan;
import raypool.web.pool.DiskView;
import raypool.web.pool.NetworkView;
import raypool.web.pool.VifPlan;
import raypool.web.pool.VifView;
import raypool.web.pool.VmView;
import raypool.web.pool.XapiCall;
import raypool.web.store.AuditStore;
import raypool.web.store.Store;
import raypool.xapi.client.XapiError;

/**
 * What a signed-in user may see and do, for the pages and the API alike: every request reads the pool and
 * the ACL afresh, asks {@link AccessDecider} and {@link QuotaChecker}, and only then runs the planned
 * XAPI calls. A VM without a role for the user answers {@link ApiError#notFound()}, the same as one that
 * does not exist.
 */
public final class SelfService {
    private final Store store;
    private final PoolGateway pool;
    private final AuditStore audit;
    private final Clock clock;

    public SelfService(Store store, PoolGateway pool, AuditStore audit, Clock clock) {
        this.store = store;
        this.pool = pool;
        this.audit = audit;
        this.clock = clock;
    }

    /** A VM, the role the user holds on it, its interfaces and its disks. */
    public record Visible(VmView vm, Role role, List<VifView> networks, List<DiskView> disks) {
    }

    public Principal principal(String user) {
        boolean admin = store.user(user).map(u -> u.serviceAdmin()).orElse(false);
        return new Principal(user, store.groupsOf(user), admin);
    }

    public List<Visible> visible(Principal who) {
        PoolView view = pool.read();
        List<AclEntry> acl = store.acl();
        return view.vms().stream().flatMap(vm -> AccessDecider.role(who, acl, vm.place())
                .map(r -> new Visible(vm, r, view.vifsOf(vm.uuid()), view.disksOf(vm.uuid()))).stream()).toList();
    }

    public Visible find(Principal who, String uuid) {
        List<AclEntry> acl = store.acl();
        PoolView view = pool.read();
        return view.vm(uuid).flatMap(vm -> AccessDecider.role(who, acl, vm.place())
                        .map(r -> new Visible(vm, r, view.vifsOf(vm.uuid()), view.disksOf(vm.uuid()))))
                .orElseThrow(ApiError::notFound);
    }

    /** The networks the user may attach (every one for service administrators). */
    public List<NetworkView> usableNetworks(Principal who) {
        List<Quota> quotas = store.quotas();
        return pool.read().networks().stream().filter(n -> NetworkPolicy.mayUse(who, quotas, n.uuid(), n.name())).toList();
    }

    /** Attaches a network the user may use to a VM they administer. */
    public synchronized VmView attach(Principal who, String uuid, String networkKey) {
        Visible v = require(who, uuid, Action.CONFIGURE);
        NetworkView n = usable(who, networkKey);
        if (v.networks().stream().anyMatch(f -> f.networkUuid().equals(n.uuid()))) {
            throw new ApiError(409, "ALREADY_ATTACHED", "the VM is on network " + n.name() + " already");
        }
        VifPlan plan = ChangePlanner.attach(v.vm(), n, v.networks());
        audited(who, v.vm(), "attach network " + n.name(), () -> {
            List<String> created = run(List.of(plan.create()));
            if (plan.plug()) {
                run(List.of(new XapiCall("VIF.plug", List.of(created.getFirst()))));
            }
        });
        return find(who, uuid).vm();
    }

    /** Adds a disk of {@code sizeGib} on the pool's default SR to a VM the user administers, within quota. */
    public synchronized VmView addDisk(Principal who, String uuid, String name, long sizeGib) {
        Visible v = require(who, uuid, Action.CONFIGURE);
        if (sizeGib < 1 || sizeGib > 65536) {
            throw ApiError.badRequest("size_gib must be 1..65536");
        }
        String sr = pool.read().defaultSr();
        DiskPlan plan = ChangePlanner.addDisk(v.vm(), sr, name, sizeGib, v.disks());
        audited(who, v.vm(), "add disk " + sizeGib + " GiB", () -> {
            enforceQuotas(v.vm(), Usage.disk(sizeGib));
            String vdi = run(List.of(new XapiCall("VDI.create", List.of(plan.vdi())))).getFirst();
            java.util.Map<String, Object> vbd = new java.util.LinkedHashMap<>(plan.vbd());
            vbd.put("VDI", vdi);
            String vbdRef = run(List.of(new XapiCall("VBD.create", List.of(vbd)))).getFirst();
            if (plan.plug()) {
                run(List.of(new XapiCall("VBD.plug", List.of(vbdRef))));
            }
        });
        return find(who, uuid).vm();
    }

    /** Grows a VM's disk (by its user device number) to {@code sizeGib}, within quota. */
    public synchronized VmView growDisk(Principal who, String uuid, String device, long sizeGib) {
        Visible v = require(who, uuid, Action.CONFIGURE);
        DiskView disk = v.disks().stream().filter(d -> d.userdevice().equals(device)).findFirst()
                .orElseThrow(() -> new ApiError(404, "NO_SUCH_DISK", "the VM has no disk on device " + device));
        ChangePlan plan = ChangePlanner.growDisk(disk, sizeGib);
        audited(who, v.vm(), "grow disk " + device + " to " + sizeGib + " GiB", () -> {
            enforceQuotas(v.vm(), plan.adds());
            execute(plan);
        });
        return find(who, uuid).vm();
    }

    /** Detaches a network the user may use from a VM they administer. */
    public synchronized VmView detach(Principal who, String uuid, String networkKey) {
        Visible v = require(who, uuid, Action.CONFIGURE);
        NetworkView n = usable(who, networkKey);
        VifView vif = v.networks().stream().filter(f -> f.networkUuid().equals(n.uuid())).findFirst()
                .orElseThrow(() -> new ApiError(404, "NOT_ATTACHED", "the VM is not on network " + n.name()));
        audited(who, v.vm(), "detach network " + n.name(), () -> execute(ChangePlanner.detach(vif)));
        return find(who, uuid).vm();
    }

    private NetworkView usable(Principal who, String key) {
        NetworkView n = pool.read().network(key).orElseThrow(() -> new ApiError(404, "NO_SUCH_NETWORK", "no network " + key));
        if (!NetworkPolicy.mayUse(who, store.quotas(), n.uuid(), n.name())) {
            throw new ApiError(403, "NETWORK_NOT_ALLOWED", "no quota of yours or your groups lists network " + n.name());
        }
        return n;
    }

    public synchronized VmView power(Principal who, String uuid, PowerOp op) {
        Visible v = require(who, uuid, Action.POWER);
        ChangePlan plan = ChangePlanner.power(v.vm(), op);
        audited(who, v.vm(), op.wire(), () -> {
            enforceQuotas(v.vm(), plan.adds());
            execute(plan);
        });
        return find(who, uuid).vm();
    }

    public synchronized VmView change(Principal who, String uuid, HardwareChange change) {
        Visible v = require(who, uuid, Action.CONFIGURE);
        if (change.isEmpty()) {
            throw ApiError.badRequest("give vcpus, memory_mib or both");
        }
        if (change.vcpus().orElse(1) < 1 || change.memoryMib().orElse(1) < 1) {
            throw ApiError.badRequest("vcpus and memory_mib must be positive");
        }
        ChangePlan plan = ChangePlanner.hardware(v.vm(), change);
        String what = "set" + (change.vcpus().isPresent() ? " vcpus=" + change.vcpus().getAsLong() : "")
                + (change.memoryMib().isPresent() ? " memory_mib=" + change.memoryMib().getAsLong() : "");
        audited(who, v.vm(), what, () -> {
            enforceQuotas(v.vm(), plan.adds());
            execute(plan);
        });
        return find(who, uuid).vm();
    }

    private void audited(Principal who, VmView vm, String action, Runnable change) {
        try {
            change.run();
            audit.add(new AuditStore.Entry(clock.instant(), who.user(), vm.uuid(), vm.name(), action, "done"));
        } catch (ApiError e) {
            audit.add(new AuditStore.Entry(clock.instant(), who.user(), vm.uuid(), vm.name(), action,
                    "refused: " + e.code() + ": " + e.getMessage()));
            throw e;
        }
    }

    private Visible require(Principal who, String uuid, Action action) {
        Visible v = find(who, uuid);
        if (!v.role().includes(action.needs())) {
            throw new ApiError(403, "FORBIDDEN", "your role on this VM is " + v.role().wireName() + "; this needs "
                    + action.needs().wireName());
        }
        return v;
    }

    private void enforceQuotas(VmView vm, Usage adds) {
        List<AclEntry> acl = store.acl();
        List<Quota> applicable = store.quotas().stream()
                .filter(q -> AccessDecider.reaches(q.subject(), acl, vm.place())).toList();
        if (applicable.isEmpty()) {
            return;
        }
        PoolView view = pool.read();
        Map<SubjectRef, Usage> used = new HashMap<>();
        for (Quota q : applicable) {
            Usage u = view.vms().stream().filter(v -> AccessDecider.reaches(q.subject(), acl, v.place()))
                    .map(v -> v.usage().plus(Usage.disk(view.diskGibOf(v.uuid())))).reduce(Usage.NONE, Usage::plus);
            used.put(q.subject(), u);
        }
        if (QuotaChecker.check(applicable, used, adds) instanceof QuotaVerdict.Exceeds e) {
            throw new ApiError(409, "QUOTA_EXCEEDED", e.explain(), Map.of("subject", e.subject().wire(),
                    "resource", e.resource(), "limit", e.limit(), "used", e.used(), "requested", e.requested(),
                    "available", e.available()));
        }
    }

    private void execute(ChangePlan plan) {
        run(plan.calls());
    }

    private List<String> run(List<XapiCall> calls) {
        try {
            return pool.run(calls);
        } catch (XapiError e) {
            throw new ApiError(409, "XAPI_ERROR", "XAPI refused: " + e.code() + (e.params().isEmpty() ? "" : " " + e.params()),
                    Map.of("xapi_code", e.code(), "xapi_params", e.params()));
        }
    }

    public Set<String> groupsOf(String user) {
        return store.groupsOf(user);
    }

    public Optional<Boolean> isServiceAdmin(String user) {
        return store.user(user).map(u -> u.serviceAdmin());
    }
}
