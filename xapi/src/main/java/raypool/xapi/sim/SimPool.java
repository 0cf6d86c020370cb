package raypool.xapi.sim;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state of a simulated XAPI pool: hosts, host_metrics, VMs, VM_metrics, tasks, sessions and the
 * event log, behind one lock. Every change goes through {@link #changed}, which records an event with
 * the object's new record, so event.from sees every change. Migrations advance with the clock in
 * {@link #advance()}: each copies its VM's memory in {@link PreCopy} rounds over the migration network,
 * at the share of the link {@link #copyBytesPerSecond} gives it.
 *
 * <p>A trace-driven simulator owns time and load by passing its own {@link SimClock} and {@link Workload}
 * and calling {@link #advance()}; everything else reaches the pool as a XAPI client would, through
 * {@link JsonRpcApi}, which is a thin wrapper over the package-private operations here.
 */
public final class SimPool {
    final ReentrantLock lock = new ReentrantLock();
    private final Condition changedCondition = lock.newCondition();
    private final SimConfig config;
    private final SimClock clock;
    private final Workload workload;
    private final Faults faults;
    private final SimIds ids;
    private final SessionTable sessions;
    private final EventLog events = new EventLog(10_000);
    private final Map<String, SimHost> hosts = new LinkedHashMap<>();
    private final Map<String, SimVm> vms = new LinkedHashMap<>();
    private final Map<String, SimTask> tasks = new LinkedHashMap<>();
    private final Map<String, Migration> migrations = new LinkedHashMap<>();
    private final String poolRef;
    private final String poolUuid;
    /** Networks, PIFs, tunnels, VIFs and guest metrics. */
    final SimNetworks networks;
    /** Editions and expiry of the hosts' licences. */
    final SimLicences licences = new SimLicences();
    /** External authentication of the hosts. */
    final SimAuth auth = new SimAuth();
    /** Boot parameters, start and shutdown order, and guest behaviours of the VMs. */
    final SimGuests guests = new SimGuests();
    /** VM start and shutdown, host reboot. */
    final SimPower power = new SimPower(this);
    /** The pool's name and storage; hosts joining and leaving. */
    final SimMembership membership = new SimMembership(this);
    private final Map<String, String> poolOtherConfig = new LinkedHashMap<>();
    private boolean wlbEnabled;
    private final long startMillis;
    private long lastAdvanceMillis;

    public SimPool(SimConfig config, SimClock clock, Workload workload) {
        this.config = config;
        this.clock = clock;
        this.workload = new InfrastructureLoad(workload, config.vms());
        this.faults = new Faults(this);
        this.ids = new SimIds(config.seed());
        this.sessions = new SessionTable(config.users());
        this.startMillis = clock.nowMillis();
        this.lastAdvanceMillis = startMillis;
        this.poolRef = ids.ref();
        this.poolUuid = ids.uuid();
        new StandBuilder(config, workload, ids, hosts, vms).build(startMillis);
        SimIds networkIds = new SimIds(config.seed() + 2);
        this.networks = new SimNetworks(new SimIds(config.seed() + 3), networkIds.ref(), networkIds.uuid());
        hosts.values().forEach(this.networks::addHost);
        vms.values().stream().filter(v -> !v.controlDomain && !v.name.equals(LICENCE_SERVER_VM))
                .forEach(this.networks::addGuestVif);
        String licenceServer = networks.addGuestVif(vmNamed(LICENCE_SERVER_VM));
        long expiry = java.time.Instant.parse(DEFAULT_LICENCE_EXPIRY).toEpochMilli();
        for (SimHost h : hosts.values()) {
            licences.addHost(h, "premium", expiry, licenceServer);
            auth.addHost(h);
        }
        this.poolOtherConfig.putAll(config.poolOtherConfig());
        this.wlbEnabled = config.wlbEnabled();
        config.faults().requireHosts(hosts.values().stream().map(h -> h.name).toList());
        faults.arm(config.faults(), config.seed());
    }

    /**
     * The default pool: the configured stand with its seeded synthetic traces as its workload
     * ({@link TraceWorkload#synthetic}), on a scaled real-time clock.
     */
    public static SimPool create(SimConfig config) {
        SimClock clock = new SimClock.Scaled(config.timeScale());
        return new SimPool(config, clock, TraceWorkload.synthetic(config.seed(), config.vms(), clock.nowMillis()));
    }

    public SimConfig config() {
        return config;
    }

    public SimClock clock() {
        return clock;
    }

    public Workload workload() {
        return workload;
    }

    public Faults faults() {
        return faults;
    }

    long controlDomainBytes() {
        return StandBuilder.CONTROL_DOMAIN_BYTES;
    }

    /** When the default stand's licences run out. */
    static final String DEFAULT_LICENCE_EXPIRY = "2038-01-19T03:14:07Z";
    /** Name label of the VM the licence server runs in. */
    public static final String LICENCE_SERVER_VM = "licence-server";
    /** other_config key that marks a VM running a service of the pool itself, with the service as its value. */
    public static final String INFRASTRUCTURE_KEY = "raypool-infrastructure";

    /** Adds a VM built by a scenario, halted, and gives it VIF 0 on the pool-wide network. */
    SimVm addHaltedVm(SimIds vmIds, SimVm.Spec spec) {
        SimVm vm = new SimVm(vmIds, spec, "Halted", Records.NULL_REF);
        vms.put(vm.ref, vm);
        networks.addGuestVif(vm);
        return vm;
    }

    /** The VM named {@code name}; scenarios use it. */
    SimVm vmNamed(String name) {
        return vms.values().stream().filter(v -> v.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no VM " + name));
    }

    // ---------------------------------------------------------------- reading

    /** Runs {@code change} under the pool's lock (the cloud parts' calls). */
    <T> T write(Supplier<T> change) {
        lock.lock();
        try {
            return change.get();
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code read} under the pool's lock, for a consistent view of several objects. */
    public <T> T read(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    long freeMemory(SimHost h) {
        long used = h.reservedBytes;
        for (String ref : h.residentVms) {
            used += vms.get(ref).memoryBytes;
        }
        return Math.max(0, h.memoryBytes - used);
    }

    List<SimHost> hostList() {
        return List.copyOf(hosts.values());
    }

    List<SimVm> vmList() {
        return List.copyOf(vms.values());
    }

    Optional<SimHost> host(String ref) {
        return Optional.ofNullable(hosts.get(ref));
    }

    /** Bytes/s the migration network carries into or out of {@code host} right now. */
    double migrationTraffic(SimHost host, boolean incoming) {
        double sum = 0;
        for (Migration m : migrations.values()) {
            if (m.copying() && (incoming ? m.to : m.from).equals(host.ref)) {
                sum += copyBytesPerSecond(m);
            }
        }
        return sum;
    }

    /**
     * The rate {@code m} copies at. Every host has one migration NIC of {@link SimConfig#migrationNicMbps()},
     * full duplex: the copies leaving a host share its transmit side, the copies arriving share its receive
     * side, evenly, and a copy goes at the pace of the busier of its two ends. Re-evaluated at every
     * {@link #advance()}, so a copy speeds up when another one on its link ends.
     */
    private double copyBytesPerSecond(Migration m) {
        int leaving = 0;
        int arriving = 0;
        for (Migration other : migrations.values()) {
            if (other.copying()) {
                leaving += other.from.equals(m.from) ? 1 : 0;
                arriving += other.to.equals(m.to) ? 1 : 0;
            }
        }
        return PreCopy.linkBytesPerSecond(config.migrationNicMbps()) / Math.max(1, Math.max(leaving, arriving));
    }

    /** The objects of one XAPI class, by ref, rendered as records. */
    Map<String, Map<String, Object>> records(String xapiClass) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String ref : refs(xapiClass)) {
            out.put(ref, record(xapiClass, ref).orElseThrow());
        }
        return out;
    }

    List<String> refs(String xapiClass) {
        return switch (xapiClass) {
            case "host" -> List.copyOf(hosts.keySet());
            case "host_metrics" -> hosts.values().stream().map(h -> h.metricsRef).toList();
            case "VM" -> List.copyOf(vms.keySet());
            case "VM_metrics" -> vms.values().stream().map(v -> v.metricsRef).toList();
            case "task" -> List.copyOf(tasks.keySet());
            case "pool" -> List.of(poolRef);
            case "PIF", "network", "tunnel", "VIF", "VM_guest_metrics" -> networks.refs(xapiClass);
            case "SR" -> membership.srRefs();
            default -> throw new IllegalArgumentException("no class " + xapiClass);
        };
    }

    Optional<Map<String, Object>> record(String xapiClass, String ref) {
        long now = clock.nowMillis();
        return switch (xapiClass) {
            case "host" -> Optional.ofNullable(hosts.get(ref)).map(h -> decorated(h, Records.host(h, this)));
            case "host_metrics" -> hosts.values().stream().filter(h -> h.metricsRef.equals(ref)).findFirst()
                    .map(h -> Records.hostMetrics(h, this));
            case "VM" -> Optional.ofNullable(vms.get(ref)).map(v -> decorated(v, Records.vm(v, domid(v))));
            case "VM_metrics" -> vms.values().stream().filter(v -> v.metricsRef.equals(ref)).findFirst()
                    .map(v -> Records.vmMetrics(v, startMillis, now));
            case "task" -> Optional.ofNullable(tasks.get(ref)).map(t -> Records.task(t, masterRef()));
            case "pool" -> poolRef.equals(ref)
                    ? Optional.of(decorated(Records.pool(poolUuid, masterRef(), wlbEnabled, poolOtherConfig, hosts.size())))
                    : Optional.empty();
            case "PIF", "network", "tunnel", "VIF", "VM_guest_metrics" -> networks.record(xapiClass, ref, now);
            case "SR" -> membership.sr(ref);
            default -> Optional.empty();
        };
    }

    /** A record to describe a class's fields by, even when no object of it exists (tasks). */
    Map<String, Object> prototype(String xapiClass) {
        if (xapiClass.equals("task")) {
            return Records.task(new SimTask(Records.NULL_REF, "", "", "", 0), Records.NULL_REF);
        }
        if (SimNetworks.CLASSES.contains(xapiClass)) {
            return SimNetworks.prototype(xapiClass);
        }
        return record(xapiClass, refs(xapiClass).getFirst()).orElseThrow();
    }

    private Map<String, Object> decorated(Map<String, Object> poolRecord) {
        membership.decoratePool(poolRecord);
        return poolRecord;
    }

    /**
     * A host joins (the master's side of pool.join): live and enabled, with its control domain, its
     * management PIF, its licence and no external authentication. Returns its ref.
     */
    String addMember(String uuid, String name, String address, String edition) {
        SimIds memberIds = new SimIds(config.seed() + 6 + hosts.size());
        SimHost h = new SimHost(memberIds.ref(), uuid.isEmpty() ? memberIds.uuid() : uuid, name, address, config.threadsPerHost(),
                config.memoryPerHostBytes(), memberIds.ref(), memberIds.uuid());
        h.metricsUpdatedMillis = clock.nowMillis();
        h.pifRef = memberIds.ref();
        h.pifUuid = memberIds.uuid();
        hosts.put(h.ref, h);
        SimVm dom0 = new SimVm(memberIds, new SimVm.Spec("Control domain on host: " + name, StandBuilder.CONTROL_DOMAIN_VCPUS,
                StandBuilder.CONTROL_DOMAIN_BYTES, true, -1, false), "Running", h.ref);
        vms.put(dom0.ref, dom0);
        h.residentVms.add(dom0.ref);
        networks.addHost(h);
        SimLicences.Licence master = licences.of(masterRef());
        licences.addHost(h, edition, master.expiryMillis, master.serverAddress);
        auth.addHost(h);
        changed("host", "add", h.ref);
        changed("pool", "mod", poolRef);
        return h.ref;
    }

    /** A host leaves (pool.eject): the host, its control domain and its interfaces go from the database. */
    void removeMember(String hostRef) {
        SimHost h = requireHost(hostRef);
        for (String vm : List.copyOf(h.residentVms)) {
            vms.remove(vm);
        }
        networks.removeHost(h);
        hosts.remove(hostRef);
        changed("host", "del", hostRef);
        changed("pool", "mod", poolRef);
    }

    /** A host's record with what the cloud parts of the pool add (its PIFs). */
    private Map<String, Object> decorated(SimHost h, Map<String, Object> r) {
        networks.decorateHost(h, r);
        licences.decorateHost(h, r);
        auth.decorateHost(h, r);
        return r;
    }

    /** A VM's record with what the cloud parts of the pool add (VIFs, guest metrics). */
    private Map<String, Object> decorated(SimVm v, Map<String, Object> r) {
        networks.decorateVm(v, r);
        guests.decorateVm(v, r);
        return r;
    }

    private int domid(SimVm v) {
        int i = 0;
        for (String ref : vms.keySet()) {
            if (ref.equals(v.ref)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    String masterRef() {
        return hosts.keySet().iterator().next();
    }

    // ---------------------------------------------------------------- sessions

    String login(String user, String password, String originator) {
        return sessions.login(user, password, originator);
    }

    void logout(String session) {
        sessions.logout(session);
    }

    SimSession session(String ref) {
        return sessions.require(ref);
    }

    public int openSessions() {
        return sessions.size();
    }

    void expireAllSessions() {
        sessions.expireAll();
    }

    // ---------------------------------------------------------------- changes and events

    /** Records that an object changed, with its record as it is now, and wakes event.from waiters. */
    void changed(String xapiClass, String operation, String ref) {
        Optional<Map<String, Object>> snapshot = operation.equals("del") ? Optional.empty() : record(xapiClass, ref);
        events.add(clock.nowMillis(), xapiClass.toLowerCase(Locale.ROOT), operation, ref, snapshot);
        changedCondition.signalAll();
    }

    private void hostChanged(SimHost h) {
        h.metricsUpdatedMillis = clock.nowMillis();
        changed("host", "mod", h.ref);
        changed("host_metrics", "mod", h.metricsRef);
    }

    /** event.from: waits up to {@code timeoutSeconds} for events after {@code token} in {@code classes}. */
    Map<String, Object> eventFrom(List<String> classes, String token, double timeoutSeconds) {
        return new EventFrom(this, events, changedCondition).call(classes, token, timeoutSeconds);
    }

    /** event.inject: a "mod" event for an existing object, without changing it. */
    String inject(String xapiClass, String ref) {
        lock.lock();
        try {
            if (record(xapiClass, ref).isEmpty()) {
                throw new SimError("HANDLE_INVALID", xapiClass, ref);
            }
            changed(xapiClass, "mod", ref);
            return EventLog.token(events.lastId());
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- tasks

    private SimTask newTask(String name, SimSession session) {
        SimTask t = new SimTask(ids.ref(), ids.uuid(), name, session.ref(), clock.nowMillis());
        tasks.put(t.ref, t);
        changed("task", "add", t.ref);
        return t;
    }

    private void finishTask(SimTask t, String result) {
        t.status = "success";
        t.progress = 1.0;
        t.result = result;
        t.finishedMillis = clock.nowMillis();
        changed("task", "mod", t.ref);
    }

    private void failTask(SimTask t, SimError error) {
        t.status = error.code().equals("TASK_CANCELLED") ? "cancelled" : "failure";
        t.errorInfo = error.errorInfo();
        t.finishedMillis = clock.nowMillis();
        changed("task", "mod", t.ref);
    }

    /** A task that has already finished with {@code result}: how Async.* runs calls that are instant here. */
    String completedTask(SimSession session, String name, String xmlResult) {
        lock.lock();
        try {
            SimTask t = newTask(name, session);
            finishTask(t, xmlResult);
            return t.ref;
        } finally {
            lock.unlock();
        }
    }

    String failedTask(SimSession session, String name, SimError error) {
        lock.lock();
        try {
            SimTask t = newTask(name, session);
            failTask(t, error);
            return t.ref;
        } finally {
            lock.unlock();
        }
    }

    void cancelTask(String ref) {
        lock.lock();
        try {
            SimTask t = tasks.get(ref);
            if (t == null) {
                throw new SimError("HANDLE_INVALID", "task", ref);
            }
            if (!t.pending()) {
                throw new SimError("OPERATION_NOT_ALLOWED", "task " + ref + " has already finished");
            }
            t.cancelRequested = true;
            t.status = "cancelling";
            changed("task", "mod", t.ref);
        } finally {
            lock.unlock();
        }
    }

    void destroyTask(String ref) {
        lock.lock();
        try {
            if (tasks.remove(ref) == null) {
                throw new SimError("HANDLE_INVALID", "task", ref);
            }
            changed("task", "del", ref);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a task leaves pending (for the synchronous form of a call). */
    SimTask awaitTask(String ref) {
        lock.lock();
        try {
            while (true) {
                SimTask t = tasks.get(ref);
                if (t == null || !t.pending()) {
                    return t;
                }
                changedCondition.await(50, TimeUnit.MILLISECONDS);
                advanceLocked();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimError("INTERNAL_ERROR", "interrupted while waiting for " + ref);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- other_config, tags, wlb_enabled

    /** The other_config of a pool or VM: the map clients annotate objects with. */
    private Map<String, String> otherConfig(String xapiClass, String ref) {
        return switch (xapiClass) {
            case "pool" -> {
                if (!poolRef.equals(ref)) {
                    throw new SimError("HANDLE_INVALID", "pool", ref);
                }
                yield poolOtherConfig;
            }
            case "VM" -> requireVm(ref).otherConfig;
            default -> throw new IllegalArgumentException("no writable other_config on " + xapiClass);
        };
    }

    /**
     * CLASS.add_to_other_config(ref, key, value): refused with MAP_DUPLICATE_KEY [class, "other_config",
     * ref, key] when the key is there already, so that add is a test-and-set under the pool's lock
     * (two clients adding one key: one of them wins).
     */
    void addToOtherConfig(String xapiClass, String ref, String key, String value) {
        lock.lock();
        try {
            Map<String, String> map = otherConfig(xapiClass, ref);
            if (map.containsKey(key)) {
                throw new SimError("MAP_DUPLICATE_KEY", xapiClass, "other_config", ref, key);
            }
            map.put(key, value);
            changed(xapiClass, "mod", ref);
        } finally {
            lock.unlock();
        }
    }

    /** CLASS.remove_from_other_config(ref, key): a key that is not there is no error, as in xapi. */
    void removeFromOtherConfig(String xapiClass, String ref, String key) {
        lock.lock();
        try {
            if (otherConfig(xapiClass, ref).remove(key) != null) {
                changed(xapiClass, "mod", ref);
            }
        } finally {
            lock.unlock();
        }
    }

    void setOtherConfig(String xapiClass, String ref, Map<String, String> value) {
        lock.lock();
        try {
            Map<String, String> map = otherConfig(xapiClass, ref);
            map.clear();
            map.putAll(value);
            changed(xapiClass, "mod", ref);
        } finally {
            lock.unlock();
        }
    }

    /** VM.add_tags / VM.remove_tags / VM.set_tags: a set, so adding a tag twice or removing a missing one is no error. */
    void changeTags(String vmRef, java.util.function.Consumer<java.util.Set<String>> change) {
        lock.lock();
        try {
            SimVm vm = requireVm(vmRef);
            change.accept(vm.tags);
            changed("VM", "mod", vmRef);
        } finally {
            lock.unlock();
        }
    }

    /** pool.set_wlb_enabled: the pool's own Workload Balancing (which a second balancer must respect). */
    void setWlbEnabled(String ref, boolean enabled) {
        lock.lock();
        try {
            if (!poolRef.equals(ref)) {
                throw new SimError("HANDLE_INVALID", "pool", ref);
            }
            wlbEnabled = enabled;
            changed("pool", "mod", ref);
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- hosts

    void setHostEnabled(String hostRef, boolean enabled) {
        lock.lock();
        try {
            SimHost h = requireHost(hostRef);
            if (enabled && !h.live) {
                throw new SimError("HOST_OFFLINE", hostRef);
            }
            h.enabled = enabled;
            hostChanged(h);
        } finally {
            lock.unlock();
        }
    }

    /**
     * host.shutdown: xapi insists on host.disable first (HOST_NOT_DISABLED) and on no running guests
     * (HOST_IN_USE [host, "vm", the first guest]). The host is marked dead at once, as xapi's
     * mark_host_as_dead does; its control domain stays in the database. The master goes only last, once
     * every other host is down (a UPS shutdown's order); its API keeps answering here, so that what
     * happened can be read back.
     */
    void shutdownHost(String hostRef) {
        lock.lock();
        try {
            SimHost h = requireHost(hostRef);
            if (h.enabled) {
                throw new SimError("HOST_NOT_DISABLED");
            }
            Optional<String> guest = h.residentVms.stream().filter(v -> !vms.get(v).controlDomain).findFirst();
            if (guest.isPresent()) {
                throw new SimError("HOST_IN_USE", hostRef, "vm", guest.get());
            }
            if (hostRef.equals(masterRef()) && hosts.values().stream().anyMatch(o -> o != h && o.live)) {
                throw new SimError("OPERATION_NOT_ALLOWED",
                        "the simulated pool's master goes last: other hosts are still live");
            }
            if (!h.live) {
                throw new SimError("HOST_NOT_LIVE");
            }
            h.live = false;
            h.bootsAtMillis = -1;
            hostChanged(h);
        } finally {
            lock.unlock();
        }
    }

    /**
     * host.power_on, with xapi's preconditions (xapi_host_helpers.ml): HOST_IS_LIVE [host] while the
     * host is live, HOST_POWER_ON_MODE_DISABLED when it has no power_on_mode. The call returns once the
     * host is told to start; it boots for {@link SimConfig#hostBootTime()} of pool time, then is live
     * and enabled (the event stream shows both).
     */
    void powerOn(String hostRef) {
        lock.lock();
        try {
            SimHost h = requireHost(hostRef);
            if (h.live) {
                throw new SimError("HOST_IS_LIVE", hostRef);
            }
            if (h.powerOnMode.isEmpty()) {
                throw new SimError("HOST_POWER_ON_MODE_DISABLED");
            }
            if (!h.booting()) {
                h.bootsAtMillis = clock.nowMillis() + config.hostBootTime().toMillis();
                hostChanged(h);
            }
            advanceLocked();
        } finally {
            lock.unlock();
        }
    }

    /** host.set_power_on_mode(host, mode, config): "" disables power_on. */
    void setPowerOnMode(String hostRef, String mode, Map<String, String> powerOnConfig) {
        lock.lock();
        try {
            SimHost h = requireHost(hostRef);
            h.powerOnMode = mode;
            h.powerOnConfig = Map.copyOf(powerOnConfig);
            hostChanged(h);
        } finally {
            lock.unlock();
        }
    }

    private void finishBoots(long now) {
        for (SimHost h : hosts.values()) {
            if (h.booting() && now >= h.bootsAtMillis) {
                h.bootsAtMillis = -1;
                h.live = true;
                h.enabled = true;
                hostChanged(h);
            }
        }
    }

    /** Brings a host back at once (after a fault or a shutdown): live and enabled. */
    public void bringHostOnline(String hostRef) {
        lock.lock();
        try {
            SimHost h = requireHost(hostRef);
            h.bootsAtMillis = -1;
            h.live = true;
            h.enabled = true;
            hostChanged(h);
        } finally {
            lock.unlock();
        }
    }

    SimHost requireHost(String ref) {
        SimHost h = hosts.get(ref);
        if (h == null) {
            throw new SimError("HANDLE_INVALID", "host", ref);
        }
        return h;
    }

    // ---------------------------------------------------------------- migration

    /**
     * VM.pool_migrate: checks what xapi checks before it starts, reserves memory on the target and
     * starts copying. Returns the task; the VM moves when {@link #advance()} finishes the copy.
     */
    String startMigration(SimSession session, String vmRef, String hostRef) {
        lock.lock();
        try {
            SimVm vm = requireVm(vmRef);
            migrationPreflight(vm, requireHost(hostRef));
            SimHost target = hosts.get(hostRef);
            advanceLocked();
            SimTask task = newTask("Async.VM.pool_migrate", session);
            target.reservedBytes += vm.memoryBytes;
            vm.currentOperations.put(task.ref, "pool_migrate");
            migrations.put(task.ref, new Migration(task.ref, vm, hostRef, GuestKind.of(workload.kind(vm.workloadIndex)),
                    faults.takeTaskFailure(vm.ref, vm.residentOn, hostRef), faults.takeHostOffline(target.name)));
            changed("VM", "mod", vmRef);
            hostChanged(target);
            return task.ref;
        } finally {
            lock.unlock();
        }
    }

    /**
     * What VM.pool_migrate checks before it starts, in its order, each failure as xapi answers it: the VM
     * is not the control domain (OPERATION_NOT_ALLOWED), runs (VM_BAD_POWER_STATE [vm, expected,
     * actual]), has no operation in progress (OTHER_OPERATION_IN_PROGRESS [class, ref, op, task]); the
     * target is live (HOST_OFFLINE [host]), enabled (HOST_DISABLED [host]) and not the VM's own host
     * (OPERATION_NOT_ALLOWED); the VM's disks are on shared storage (VM_REQUIRES_SR [vm, sr]); the target
     * has the VM's memory free (HOST_NOT_ENOUGH_FREE_MEMORY [needed, available], incoming migrations'
     * reservations counted). VM.assert_can_migrate runs the same checks and starts nothing.
     */
    void migrationPreflight(SimVm vm, SimHost target) {
        if (vm.controlDomain) {
            throw new SimError("OPERATION_NOT_ALLOWED", "the control domain cannot be migrated");
        }
        if (!vm.running()) {
            throw new SimError("VM_BAD_POWER_STATE", vm.ref, "running", vm.powerState.toLowerCase(Locale.ROOT));
        }
        if (!vm.currentOperations.isEmpty()) {
            var op = vm.currentOperations.entrySet().iterator().next();
            throw new SimError("OTHER_OPERATION_IN_PROGRESS", "VM", vm.ref, op.getValue(), op.getKey());
        }
        if (!target.live) {
            throw new SimError("HOST_OFFLINE", target.ref);
        }
        if (!target.enabled) {
            throw new SimError("HOST_DISABLED", target.ref);
        }
        if (vm.residentOn.equals(target.ref)) {
            throw new SimError("OPERATION_NOT_ALLOWED", "VM " + vm.ref + " already runs on host " + target.ref);
        }
        if (vm.localDisk) {
            throw new SimError("VM_REQUIRES_SR", vm.ref, localSr(vm.residentOn));
        }
        long free = freeMemory(target);
        if (free < vm.memoryBytes) {
            throw new SimError("HOST_NOT_ENOUGH_FREE_MEMORY", Long.toString(vm.memoryBytes), Long.toString(free));
        }
    }

    /** VM.assert_can_migrate (within the pool): {@link #migrationPreflight}, nothing started. */
    void assertCanMigrate(String vmRef, String hostRef) {
        lock.lock();
        try {
            migrationPreflight(requireVm(vmRef), requireHost(hostRef));
        } finally {
            lock.unlock();
        }
    }

    /**
     * VM.assert_can_boot_here, in xapi's order (xapi_vm_helpers.ml): the host is live (HOST_NOT_LIVE []),
     * enabled (HOST_DISABLED [host], control domains excepted), sees the VM's disks (VM_REQUIRES_SR [vm,
     * sr]) and has its memory free (HOST_NOT_ENOUGH_FREE_MEMORY [needed, available]; a VM already
     * running there needs none).
     */
    void assertCanBootHere(String vmRef, String hostRef) {
        lock.lock();
        try {
            SimVm vm = requireVm(vmRef);
            SimHost host = requireHost(hostRef);
            if (!host.live) {
                throw new SimError("HOST_NOT_LIVE");
            }
            if (!host.enabled && !vm.controlDomain) {
                throw new SimError("HOST_DISABLED", hostRef);
            }
            if (vm.localDisk && !vm.residentOn.equals(hostRef)) {
                throw new SimError("VM_REQUIRES_SR", vmRef, localSr(vm.residentOn));
            }
            boolean alreadyThere = vm.running() && vm.residentOn.equals(hostRef);
            long free = freeMemory(host);
            if (!alreadyThere && free < vm.memoryBytes) {
                throw new SimError("HOST_NOT_ENOUGH_FREE_MEMORY", Long.toString(vm.memoryBytes), Long.toString(free));
            }
        } finally {
            lock.unlock();
        }
    }

    private static String localSr(String hostRef) {
        return "OpaqueRef:local-sr-of-" + hostRef;
    }

    SimVm requireVm(String ref) {
        SimVm vm = vms.get(ref);
        if (vm == null) {
            throw new SimError("HANDLE_INVALID", "VM", ref);
        }
        return vm;
    }

    /** Moves simulated time forward to the clock's now: copies pages, finishes or fails migrations. */
    public void advance() {
        lock.lock();
        try {
            advanceLocked();
        } finally {
            lock.unlock();
        }
    }

    private void advanceLocked() {
        long now = clock.nowMillis();
        double seconds = (now - lastAdvanceMillis) / 1000.0;
        lastAdvanceMillis = now;
        finishBoots(now);
        if (migrations.isEmpty() || seconds <= 0) {
            return;
        }
        // rates are fixed for the step, from the copies under way at its start
        Map<String, Double> rates = new HashMap<>();
        for (Migration m : migrations.values()) {
            rates.put(m.task, copyBytesPerSecond(m));
        }
        for (Migration m : List.copyOf(migrations.values())) {
            SimTask task = tasks.get(m.task);
            if (task == null || task.cancelRequested) {
                endMigration(m, Optional.of(new SimError("TASK_CANCELLED", m.task)));
                continue;
            }
            double dirty = workload.memoryDirtyBytesPerSecond(vms.get(m.vm).workloadIndex, now);
            m.copy.advance(seconds, rates.get(m.task), dirty, m.faultArmed());
            if (m.faultArmed() && m.copy.pastHalfway()) {
                if (m.targetGoesOffline) {
                    SimHost target = hosts.get(m.to);
                    target.live = false;
                    target.enabled = false;
                    hostChanged(target);
                    endMigration(m, Optional.of(new SimError("HOST_OFFLINE", m.to)));
                } else {
                    endMigration(m, m.failHalfway);
                }
                continue;
            }
            if (m.copy.done()) {
                endMigration(m, Optional.empty());
            } else {
                reportProgress(m, task);
            }
        }
    }

    private void reportProgress(Migration m, SimTask task) {
        int tenths = (int) (m.progress() * 10);
        task.progress = m.progress();
        if (tenths != m.reportedTenths) {
            // one event per 10%: enough for a progress bar, few enough not to flood event.from
            m.reportedTenths = tenths;
            changed("task", "mod", task.ref);
        }
    }

    private void endMigration(Migration m, Optional<SimError> failure) {
        migrations.remove(m.task);
        SimVm vm = vms.get(m.vm);
        SimHost from = hosts.get(m.from);
        SimHost to = hosts.get(m.to);
        to.reservedBytes -= vm.memoryBytes;
        vm.currentOperations.remove(m.task);
        if (failure.isEmpty()) {
            from.residentVms.remove(vm.ref);
            to.residentVms.add(vm.ref);
            vm.residentOn = to.ref;
        }
        changed("VM", "mod", vm.ref);
        hostChanged(from);
        hostChanged(to);
        SimTask task = tasks.get(m.task);
        if (task != null) {
            failure.ifPresentOrElse(e -> failTask(task, e), () -> finishTask(task, XmlRpcValue.VOID));
        }
    }

    /** A scheduled task-fail: the oldest migration in flight fails now. False when none runs. */
    boolean failOldestMigration(MigrationFailure error) {
        lock.lock();
        try {
            if (migrations.isEmpty()) {
                return false;
            }
            Migration m = migrations.values().iterator().next();
            endMigration(m, Optional.of(error.of(m.vm, m.from, m.to)));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** How a fault builds the error a migration fails with. */
    @FunctionalInterface
    interface MigrationFailure {
        SimError of(String vm, String from, String to);
    }

    /**
     * A scheduled host-offline: the host named {@code name} stops (host_metrics.live false, disabled);
     * every migration to or from it fails with HOST_OFFLINE; its VMs stay where they are. Returns how
     * many migrations failed.
     */
    int takeHostOffline(String name) {
        lock.lock();
        try {
            SimHost h = hosts.values().stream().filter(x -> x.name.equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no host " + name));
            advanceLocked();
            int failed = 0;
            for (Migration m : List.copyOf(migrations.values())) {
                if (m.to.equals(h.ref) || m.from.equals(h.ref)) {
                    endMigration(m, Optional.of(new SimError("HOST_OFFLINE", h.ref)));
                    failed++;
                }
            }
            h.live = false;
            h.enabled = false;
            h.bootsAtMillis = -1;
            hostChanged(h);
            return failed;
        } finally {
            lock.unlock();
        }
    }

    public int migrationsInFlight() {
        return read(migrations::size);
    }
}
