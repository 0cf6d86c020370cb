package raypool.xapi.sim;

import raypool.balancer.model.MigrationLink;

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
 * {@link #advance()}, at the rate the balancer's {@link MigrationLink} model gives them.
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
    private final long startMillis;
    private long lastAdvanceMillis;

    public SimPool(SimConfig config, SimClock clock, Workload workload) {
        this.config = config;
        this.clock = clock;
        this.workload = workload;
        this.faults = new Faults(this);
        this.ids = new SimIds(config.seed());
        this.sessions = new SessionTable(config.users());
        this.startMillis = clock.nowMillis();
        this.lastAdvanceMillis = startMillis;
        this.poolRef = ids.ref();
        this.poolUuid = ids.uuid();
        new StandBuilder(config, workload, ids, hosts, vms).build(startMillis);
    }

    /**
     * The default pool: the configured stand with the balancer's seeded synthetic traces as its workload,
     * on a scaled real-time clock.
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

    String licenseExpiry() {
        return "20380119T03:14:07Z";
    }

    // ---------------------------------------------------------------- reading

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
     * The rate {@code m} copies at: the balancer's {@link MigrationLink} model, the link's rate shared
     * evenly with the other copies on the busier of its two hosts. Re-evaluated at every
     * {@link #advance()}, so a copy speeds up when another one on its hosts ends.
     */
    private double copyBytesPerSecond(Migration m) {
        int onFrom = 0;
        int onTo = 0;
        for (Migration other : migrations.values()) {
            if (other.copying()) {
                onFrom += touches(other, m.from) ? 1 : 0;
                onTo += touches(other, m.to) ? 1 : 0;
            }
        }
        double nic = config.migrationNicMbps();
        return MigrationLink.sharedMbPerSecond(nic, nic, onFrom, onTo) * 1e6;
    }

    private static boolean touches(Migration m, String host) {
        return m.from.equals(host) || m.to.equals(host);
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
            default -> throw new IllegalArgumentException("no class " + xapiClass);
        };
    }

    Optional<Map<String, Object>> record(String xapiClass, String ref) {
        long now = clock.nowMillis();
        return switch (xapiClass) {
            case "host" -> Optional.ofNullable(hosts.get(ref)).map(h -> Records.host(h, this));
            case "host_metrics" -> hosts.values().stream().filter(h -> h.metricsRef.equals(ref)).findFirst()
                    .map(h -> Records.hostMetrics(h, this));
            case "VM" -> Optional.ofNullable(vms.get(ref)).map(v -> Records.vm(v, domid(v)));
            case "VM_metrics" -> vms.values().stream().filter(v -> v.metricsRef.equals(ref)).findFirst()
                    .map(v -> Records.vmMetrics(v, startMillis, now));
            case "task" -> Optional.ofNullable(tasks.get(ref)).map(t -> Records.task(t, masterRef()));
            case "pool" -> poolRef.equals(ref) ? Optional.of(Records.pool(poolUuid, masterRef())) : Optional.empty();
            default -> Optional.empty();
        };
    }

    /** A record to describe a class's fields by, even when no object of it exists (tasks). */
    Map<String, Object> prototype(String xapiClass) {
        if (xapiClass.equals("task")) {
            return Records.task(new SimTask(Records.NULL_REF, "", "", "", 0), Records.NULL_REF);
        }
        return record(xapiClass, refs(xapiClass).getFirst()).orElseThrow();
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
    private void changed(String xapiClass, String operation, String ref) {
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

    /** host.shutdown: xapi insists on host.disable first, and on no running guests. */
    void shutdownHost(String hostRef) {
        lock.lock();
        try {
            SimHost h = requireHost(hostRef);
            if (h.enabled) {
                throw new SimError("HOST_NOT_DISABLED");
            }
            boolean guests = h.residentVms.stream().anyMatch(v -> !vms.get(v).controlDomain);
            if (guests) {
                throw new SimError("HOST_IN_USE", hostRef, "VM", "host has running VMs");
            }
            h.live = false;
            hostChanged(h);
        } finally {
            lock.unlock();
        }
    }

    /** Brings a host back (after a fault or a shutdown): live and enabled. */
    public void bringHostOnline(String hostRef) {
        lock.lock();
        try {
            SimHost h = requireHost(hostRef);
            h.live = true;
            h.enabled = true;
            hostChanged(h);
        } finally {
            lock.unlock();
        }
    }

    private SimHost requireHost(String ref) {
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
            SimVm vm = vms.get(vmRef);
            if (vm == null) {
                throw new SimError("HANDLE_INVALID", "VM", vmRef);
            }
            SimHost target = requireHost(hostRef);
            if (vm.controlDomain) {
                throw new SimError("OPERATION_NOT_ALLOWED", "the control domain cannot be migrated");
            }
            if (!vm.running()) {
                throw new SimError("VM_BAD_POWER_STATE", vmRef, "running", vm.powerState.toLowerCase(Locale.ROOT));
            }
            if (!vm.currentOperations.isEmpty()) {
                var op = vm.currentOperations.entrySet().iterator().next();
                throw new SimError("OTHER_OPERATION_IN_PROGRESS", "VM", vmRef, op.getValue(), op.getKey());
            }
            if (!target.live) {
                throw new SimError("HOST_OFFLINE", hostRef);
            }
            if (!target.enabled) {
                throw new SimError("HOST_DISABLED", hostRef);
            }
            if (vm.residentOn.equals(hostRef)) {
                throw new SimError("OPERATION_NOT_ALLOWED", "VM " + vmRef + " already runs on host " + hostRef);
            }
            if (vm.localDisk) {
                throw new SimError("VM_REQUIRES_SR", vmRef, "OpaqueRef:local-sr-of-" + vm.residentOn);
            }
            long free = freeMemory(target);
            if (free < vm.memoryBytes) {
                throw new SimError("HOST_NOT_ENOUGH_FREE_MEMORY", Long.toString(vm.memoryBytes), Long.toString(free));
            }
            advanceLocked();
            SimTask task = newTask("Async.VM.pool_migrate", session);
            target.reservedBytes += vm.memoryBytes;
            vm.currentOperations.put(task.ref, "pool_migrate");
            migrations.put(task.ref, new Migration(task.ref, vm, hostRef, faults.takeTaskFailure(),
                    faults.takeHostOffline()));
            changed("VM", "mod", vmRef);
            hostChanged(target);
            return task.ref;
        } finally {
            lock.unlock();
        }
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
        if (migrations.isEmpty() || seconds <= 0) {
            return;
        }
        Map<String, Double> copied = new HashMap<>();
        for (Migration m : migrations.values()) {
            copied.put(m.task, m.copying() ? copyBytesPerSecond(m) * seconds : 0.0);
        }
        for (Migration m : List.copyOf(migrations.values())) {
            SimTask task = tasks.get(m.task);
            if (task == null || task.cancelRequested) {
                endMigration(m, Optional.of(new SimError("TASK_CANCELLED", m.task)));
                continue;
            }
            double before = m.progress();
            m.remainingBytes = Math.max(0, m.remainingBytes - copied.get(m.task));
            if (before < 0.5 && m.progress() >= 0.5) {
                if (m.targetGoesOffline) {
                    SimHost target = hosts.get(m.to);
                    target.live = false;
                    target.enabled = false;
                    hostChanged(target);
                    endMigration(m, Optional.of(new SimError("HOST_OFFLINE", m.to)));
                    continue;
                }
                if (m.failHalfway.isPresent()) {
                    endMigration(m, m.failHalfway);
                    continue;
                }
            }
            if (m.copying()) {
                reportProgress(m, task);
            } else if (m.switchoverUntil < 0) {
                m.switchoverUntil = now + Migration.SWITCHOVER_MILLIS;
            } else if (now >= m.switchoverUntil) {
                endMigration(m, Optional.empty());
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

    public int migrationsInFlight() {
        return read(migrations::size);
    }
}
