package raypool.xapi.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The state of a simulated XAPI pool: hosts, host_metrics, VMs, VM_metrics, tasks, sessions and the
 * event log, behind one lock. Every change goes through {@link #changed}, which records an event with
 * the object's new record, so event.from sees every change. Migrations advance with the clock in
 * {@link #advance()}, sharing the migration network's bandwidth.
 *
 * <p>Public methods are the seams a trace-driven simulator needs: read the state, advance time,
 * migrate. The JSON-RPC layer ({@link JsonRpcApi}) is a thin wrapper over them.
 */
public final class SimPool {
    /** Memory held by each host's control domain (dom0), not available to guests. */
    private static final long CONTROL_DOMAIN_BYTES = 4 * SimConfig.GIB;
    /** Pre-copy resends pages the guest dirtied meanwhile: about 30% more than its memory. */
    private static final double DIRTY_PAGE_OVERHEAD = 1.3;
    /** Stop-and-copy and resume on the target, once the pages are across. */
    private static final long SWITCHOVER_MILLIS = 300;

    final ReentrantLock lock = new ReentrantLock();
    private final Condition changedCondition = lock.newCondition();
    private final SimConfig config;
    private final SimClock clock;
    private final Workload workload;
    private final Faults faults;
    private final SplittableRandom ids;
    private final EventLog events = new EventLog(10_000);
    private final Map<String, SimHost> hosts = new LinkedHashMap<>();
    private final Map<String, SimVm> vms = new LinkedHashMap<>();
    private final Map<String, SimTask> tasks = new LinkedHashMap<>();
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Migration> migrations = new LinkedHashMap<>();
    private final String poolRef;
    private final String poolUuid;
    private final long startMillis;
    private long lastAdvanceMillis;

    /** A logged-in session. */
    record Session(String ref, String user, SimUser.Role role, String originator) {
    }

    /** A migration under way: pages still to copy, and what goes wrong halfway if a fault was armed. */
    private static final class Migration {
        final String task;
        final String vm;
        final String from;
        final String to;
        final double totalBytes;
        double remainingBytes;
        long switchoverUntil = -1;
        final Optional<SimError> failHalfway;
        final boolean targetGoesOffline;
        int reportedTenths;

        Migration(String task, String vm, String from, String to, double totalBytes, Optional<SimError> failHalfway,
                  boolean targetGoesOffline) {
            this.task = task;
            this.vm = vm;
            this.from = from;
            this.to = to;
            this.totalBytes = totalBytes;
            this.remainingBytes = totalBytes;
            this.failHalfway = failHalfway;
            this.targetGoesOffline = targetGoesOffline;
        }

        double progress() {
            return Math.min(0.99, 1 - remainingBytes / totalBytes);
        }
    }

    public SimPool(SimConfig config, SimClock clock, Workload workload) {
        this.config = config;
        this.clock = clock;
        this.workload = workload;
        this.faults = new Faults(this);
        this.ids = new SplittableRandom(config.seed());
        this.startMillis = clock.nowMillis();
        this.lastAdvanceMillis = startMillis;
        this.poolRef = newRef();
        this.poolUuid = newUuid();
        buildStand();
    }

    /** The default pool: the configured stand with a seeded synthetic workload on a scaled real-time clock. */
    public static SimPool create(SimConfig config) {
        return new SimPool(config, new SimClock.Scaled(config.timeScale()), new SyntheticWorkload(config.seed(), config.vms()));
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
        return CONTROL_DOMAIN_BYTES;
    }

    String licenseExpiry() {
        return "20380119T03:14:07Z";
    }

    // ---------------------------------------------------------------- the stand

    private void buildStand() {
        long now = clock.nowMillis();
        for (int i = 1; i <= config.hosts(); i++) {
            SimHost h = new SimHost(newRef(), newUuid(), "host-" + i, "127.0.0.1", config.threadsPerHost(),
                    config.memoryPerHostBytes(), newRef(), newUuid());
            h.metricsUpdatedMillis = now;
            hosts.put(h.ref, h);
            SimVm dom0 = new SimVm(newRef(), newUuid(), "Control domain on host: " + h.name, 16, CONTROL_DOMAIN_BYTES,
                    true, -1, newRef(), newUuid(), false, "Running", h.ref);
            vms.put(dom0.ref, dom0);
            h.residentVms.add(dom0.ref);
        }
        List<SimHost> order = new ArrayList<>(hosts.values());
        SplittableRandom placement = new SplittableRandom(config.seed() * 31 + 7);
        for (int i = 0; i < config.vms(); i++) {
            String kind = workload instanceof SyntheticWorkload s ? s.profile(i).kind() : "guest";
            int vcpus = switch (kind) {
                case "idle" -> 1 + placement.nextInt(2);
                case "web" -> 2 << placement.nextInt(2);
                case "database" -> 4 << placement.nextInt(2);
                case "batch" -> 8 << placement.nextInt(2);
                default -> 1 << placement.nextInt(3);
            };
            long memory = switch (kind) {
                case "idle" -> (2L + placement.nextInt(3)) * SimConfig.GIB;
                case "web" -> (4L + 2 * placement.nextInt(3)) * SimConfig.GIB;
                case "database" -> (16L + 8 * placement.nextInt(3)) * SimConfig.GIB;
                case "batch" -> (8L + 4 * placement.nextInt(3)) * SimConfig.GIB;
                default -> (2L << placement.nextInt(3)) * SimConfig.GIB;
            };
            // the last guest is halted and the one before it has a local disk, so that
            // VM_BAD_POWER_STATE and VM_REQUIRES_SR have a natural cause in every stand
            boolean halted = config.vms() >= 2 && i == config.vms() - 1;
            boolean localDisk = config.vms() >= 3 && i == config.vms() - 2;
            SimHost target = halted ? null : pickHost(order, placement, memory);
            String name = String.format(Locale.ROOT, "vm-%02d-%s", i + 1, kind);
            SimVm vm = new SimVm(newRef(), newUuid(), name, vcpus, memory, false, i, newRef(), newUuid(), localDisk,
                    target == null ? "Halted" : "Running", target == null ? Records.NULL_REF : target.ref);
            vms.put(vm.ref, vm);
            if (target != null) {
                target.residentVms.add(vm.ref);
            }
        }
    }

    /** Skewed towards the first hosts, so that a fresh stand has something to balance. */
    private SimHost pickHost(List<SimHost> order, SplittableRandom r, long memory) {
        double u = r.nextDouble();
        int first = 0;
        double weight = 0.4;
        double acc = weight;
        while (u > acc && first < order.size() - 1) {
            first++;
            weight *= 0.75;
            acc += weight;
        }
        for (int k = 0; k < order.size(); k++) {
            SimHost h = order.get((first + k) % order.size());
            if (freeMemory(h) >= memory) {
                return h;
            }
        }
        return null;
    }

    private String newUuid() {
        long msb = (ids.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    private String newRef() {
        return "OpaqueRef:" + newUuid();
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
        if (migrations.isEmpty()) {
            return 0;
        }
        double share = config.migrationBandwidthBytesPerSecond() / (double) migrations.size();
        double sum = 0;
        for (Migration m : migrations.values()) {
            if ((incoming ? m.to : m.from).equals(host.ref)) {
                sum += share;
            }
        }
        return sum;
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
        lock.lock();
        try {
            for (SimUser u : config.users()) {
                if (u.name().equals(user) && u.password().equals(password)) {
                    String ref = newRef();
                    sessions.put(ref, new Session(ref, user, u.role(), originator));
                    return ref;
                }
            }
            throw new SimError("SESSION_AUTHENTICATION_FAILED", user, "Authentication failure");
        } finally {
            lock.unlock();
        }
    }

    void logout(String session) {
        lock.lock();
        try {
            if (sessions.remove(session) == null) {
                throw new SimError("SESSION_INVALID", session);
            }
        } finally {
            lock.unlock();
        }
    }

    Session session(String ref) {
        lock.lock();
        try {
            Session s = sessions.get(ref);
            if (s == null) {
                throw new SimError("SESSION_INVALID", ref);
            }
            return s;
        } finally {
            lock.unlock();
        }
    }

    public int openSessions() {
        return read(sessions::size);
    }

    void expireAllSessions() {
        lock.lock();
        try {
            sessions.clear();
        } finally {
            lock.unlock();
        }
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
        EventLog.ClassFilter filter = new EventLog.ClassFilter(classes.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList());
        lock.lock();
        try {
            List<Map<String, Object>> out = new ArrayList<>();
            String next;
            if (token.isEmpty()) {
                // a first call lists every current object as an "add", then continues from now
                for (String cls : List.of("pool", "host", "host_metrics", "VM", "VM_metrics", "task")) {
                    if (filter.matches(cls.toLowerCase(Locale.ROOT))) {
                        records(cls).forEach((ref, rec) -> out.add(event(0, clock.nowMillis(),
                                cls.toLowerCase(Locale.ROOT), "add", ref, Optional.of(rec))));
                    }
                }
                next = EventLog.token(events.lastId());
            } else {
                long from = parseToken(token);
                if (faults.takeEventsLost() || events.lost(from)) {
                    throw new SimError("EVENTS_LOST");
                }
                long deadline = System.nanoTime() + (long) (Math.min(timeoutSeconds, 3600) * 1e9);
                List<EventLog.Entry> found = events.after(from, filter);
                while (found.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    try {
                        changedCondition.awaitNanos(left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    if (events.lost(from)) {
                        throw new SimError("EVENTS_LOST");
                    }
                    found = events.after(from, filter);
                }
                found.forEach(e -> out.add(event(e.id(), e.timeMillis(), e.objectClass(), e.operation(), e.ref(),
                        e.snapshot())));
                next = EventLog.token(Math.max(from, events.lastId()));
            }
            Map<String, Object> counts = new LinkedHashMap<>();
            for (String cls : List.of("pool", "host", "host_metrics", "VM", "VM_metrics", "task")) {
                if (filter.matches(cls.toLowerCase(Locale.ROOT))) {
                    counts.put(cls.toLowerCase(Locale.ROOT), Integer.toString(refs(cls).size()));
                }
            }
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("events", out);
            reply.put("valid_ref_counts", counts);
            reply.put("token", next);
            return reply;
        } finally {
            lock.unlock();
        }
    }

    private static long parseToken(String token) {
        try {
            return Long.parseLong(token.split(",")[0].trim());
        } catch (NumberFormatException e) {
            throw new SimError("EVENT_FROM_TOKEN_PARSE_FAILURE", token);
        }
    }

    private static Map<String, Object> event(long id, long timeMillis, String cls, String op, String ref,
                                             Optional<Map<String, Object>> snapshot) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", Long.toString(id));
        e.put("timestamp", String.format(Locale.ROOT, "%d.%03d", timeMillis / 1000, timeMillis % 1000));
        e.put("class", cls);
        e.put("operation", op);
        e.put("ref", ref);
        snapshot.ifPresent(s -> e.put("snapshot", s));
        return e;
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

    private SimTask newTask(String name, Session session) {
        SimTask t = new SimTask(newRef(), newUuid(), name, session.ref(), clock.nowMillis());
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
    String completedTask(Session session, String name, String xmlResult) {
        lock.lock();
        try {
            SimTask t = newTask(name, session);
            finishTask(t, xmlResult);
            return t.ref;
        } finally {
            lock.unlock();
        }
    }

    String failedTask(Session session, String name, SimError error) {
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
    String startMigration(Session session, String vmRef, String hostRef) {
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
            migrations.put(task.ref, new Migration(task.ref, vmRef, vm.residentOn, hostRef,
                    vm.memoryBytes * DIRTY_PAGE_OVERHEAD, faults.takeTaskFailure(), faults.takeHostOffline()));
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
        int copying = (int) migrations.values().stream().filter(m -> m.remainingBytes > 0).count();
        double share = copying == 0 ? 0 : config.migrationBandwidthBytesPerSecond() * seconds / copying;
        for (Migration m : List.copyOf(migrations.values())) {
            SimTask task = tasks.get(m.task);
            if (task == null || task.cancelRequested) {
                endMigration(m, Optional.of(new SimError("TASK_CANCELLED", m.task)));
                continue;
            }
            double before = m.progress();
            m.remainingBytes = Math.max(0, m.remainingBytes - share);
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
            if (m.remainingBytes > 0) {
                reportProgress(m, task);
            } else if (m.switchoverUntil < 0) {
                m.switchoverUntil = now + SWITCHOVER_MILLIS;
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
