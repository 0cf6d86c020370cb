package raypool.daemon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A pool kept in memory behind all of the daemon's ports, for daemon runs in tests: hosts that can be
 * disabled, powered off and on (boot takes one read), VMs with tags and a CPU load the test sets, a
 * migration that ends on the read after it started, pool.other_config (the lease) and wlb_enabled.
 * Each read moves the pool's clock 5 minutes on and gives 60 samples of 5 seconds.
 */
final class MemoryPool implements PoolReader, MigrationExecutor, HostPower, LeaseStore {
    static final long GIB = 1L << 30;

    final class Host {
        final String key;
        String name;
        final int threads;
        final long memory;
        boolean live = true;
        boolean enabled = true;
        String powerOnMode = "wake-on-lan";
        Set<String> tags = Set.of();
        int bootReads = -1;
        double dom0Threads = 0;

        Host(String key, int threads, long memory) {
            this.key = key;
            this.name = key;
            this.threads = threads;
            this.memory = memory;
        }
    }

    final class Vm {
        final String key;
        String name;
        final int vcpus;
        final long memory;
        String host;
        double cpu;
        boolean unreadable;
        Set<String> tags = Set.of();
        Optional<String> operation = Optional.empty();

        Vm(String key, int vcpus, long memory, String host, double cpu) {
            this.key = key;
            this.name = key;
            this.vcpus = vcpus;
            this.memory = memory;
            this.host = host;
            this.cpu = cpu;
        }
    }

    long time = 1_700_000_000_000L;
    final Map<String, Host> hosts = new LinkedHashMap<>();
    final Map<String, Vm> vms = new LinkedHashMap<>();
    final Map<String, String> otherConfig = new HashMap<>();
    final Map<String, String[]> tasks = new HashMap<>();
    final List<String> starts = new ArrayList<>();
    final List<String> powerCalls = new ArrayList<>();
    String master;
    boolean wlbEnabled;
    int nextTask;
    /** The next starts refused (VM_REQUIRES_SR), and the next tasks failing (INTERNAL_ERROR). */
    int refuseNext;
    int failNext;

    Host host(String key, int threads, long memory) {
        Host h = new Host(key, threads, memory);
        hosts.put(key, h);
        if (master == null) {
            master = key;
        }
        return h;
    }

    Vm vm(String key, int vcpus, long memory, String host, double cpu) {
        Vm v = new Vm(key, vcpus, memory, host, cpu);
        vms.put(key, v);
        return v;
    }

    private long used(String host) {
        long sum = 0;
        for (Vm v : vms.values()) {
            if (v.host.equals(host)) {
                sum += v.memory;
            }
        }
        for (String[] t : tasks.values()) {
            if (t[1].equals(host)) {
                sum += vms.get(t[0]).memory;
            }
        }
        return sum;
    }

    private static PoolState.Samples flat(long end, double value) {
        long[] t = new long[60];
        double[] v = new double[60];
        for (int i = 0; i < 60; i++) {
            t[i] = end - (59 - i) * 5000L;
            v[i] = value;
        }
        return new PoolState.Samples(t, v);
    }

    @Override
    public synchronized PoolState read() {
        time += 300_000;
        // migrations started before this read have finished; hosts being powered on come up
        for (var e : List.copyOf(tasks.entrySet())) {
            String[] t = e.getValue();
            if (!t[2].equals("done")) {
                Vm v = vms.get(t[0]);
                v.host = t[1];
                v.operation = Optional.empty();
                t[2] = "done";
            }
        }
        for (Host h : hosts.values()) {
            if (h.bootReads >= 0 && --h.bootReads < 0) {
                h.live = true;
            }
        }
        List<PoolState.Host> hs = new ArrayList<>();
        for (Host h : hosts.values()) {
            double cpu = 0;
            for (Vm v : vms.values()) {
                if (v.host.equals(h.key)) {
                    cpu += v.cpu * v.vcpus;
                }
            }
            hs.add(PoolState.Host.builder(h.key, h.name).size(h.threads, h.memory, Math.max(0, h.memory - used(h.key)))
                    .state(h.live, h.enabled).cpu(h.live ? flat(time, Math.min(1, cpu / h.threads)) : PoolState.Samples.NONE)
                    .dom0Threads(h.dom0Threads > 0 ? flat(time, h.dom0Threads) : PoolState.Samples.NONE)
                    .powerOnMode(h.powerOnMode).tags(h.tags).build());
        }
        List<PoolState.Vm> out = new ArrayList<>();
        for (Vm v : vms.values()) {
            out.add(new PoolState.Vm(v.key, v.name, v.vcpus, v.memory, v.host, v.operation,
                    v.unreadable ? PoolState.Samples.NONE : flat(time, v.cpu), v.tags, Map.of()));
        }
        return new PoolState(time, new PoolState.Pool("pool", master, wlbEnabled, otherConfig), hs, out, List.of());
    }

    @Override
    public synchronized String start(String vm, String host) {
        Host h = hosts.get(host);
        if (!h.live || !h.enabled) {
            throw new MigrationRefusedException("HOST_OFFLINE", "host " + host + " cannot take VMs");
        }
        if (refuseNext > 0) {
            refuseNext--;
            throw new MigrationRefusedException("VM_REQUIRES_SR", "VM.pool_migrate: VM_REQUIRES_SR");
        }
        starts.add(vm);
        String task = "task-" + nextTask++;
        tasks.put(task, new String[] {vm, host, "running", vms.get(vm).host});
        vms.get(vm).operation = Optional.of("pool_migrate");
        return task;
    }

    @Override
    public synchronized TaskStatus poll(String task) {
        String[] t = tasks.get(task);
        if (t == null) {
            return new Gone();
        }
        if (t[2].equals("done")) {
            tasks.remove(task);
            if (failNext > 0) {
                failNext--;
                vms.get(t[0]).host = t[3];
                return new Failed("INTERNAL_ERROR", "simulated failure");
            }
            return new Succeeded();
        }
        return new Pending(0.5);
    }

    @Override
    public synchronized void cancel(String task) {
        tasks.remove(task);
    }

    @Override
    public synchronized void powerOff(String host) {
        Host h = hosts.get(host);
        powerCalls.add("off " + host);
        h.enabled = false;
        h.live = false;
    }

    @Override
    public synchronized void powerOn(String host) {
        powerCalls.add("on " + host);
        hosts.get(host).bootReads = 1;
    }

    @Override
    public synchronized void enable(String host) {
        powerCalls.add("enable " + host);
        hosts.get(host).enabled = true;
    }

    @Override
    public synchronized boolean create(String key, String value) {
        return otherConfig.putIfAbsent(key, value) == null;
    }

    @Override
    public synchronized void put(String key, String value) {
        otherConfig.put(key, value);
    }

    @Override
    public synchronized void remove(String key) {
        otherConfig.remove(key);
    }

    BalancerDaemon.Ports ports() {
        return new BalancerDaemon.Ports(this, this, this, this);
    }
}
