package raypool.daemon;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link PoolReader} saw of a pool at one instant, in the pool's own terms (keys are opaque
 * strings such as XAPI refs). The daemon turns it into the planner's {@link raypool.balancer.model.Snapshot}.
 * Metrics that could not be read are empty {@link Samples}, never zeros.
 *
 * @param timeMillis the pool's clock (epoch milliseconds); cooldowns and timeouts are measured on it
 * @param notes things the reader noticed and the audit log should say (a renewed session, lost events)
 */
public record PoolState(long timeMillis, Pool pool, List<Host> hosts, List<Vm> vms, List<String> notes) {
    public PoolState {
        hosts = List.copyOf(hosts);
        vms = List.copyOf(vms);
        notes = List.copyOf(notes);
    }

    /** A pool with these hosts and VMs and nothing else known about it (tests, benchmarks). */
    public static PoolState of(long timeMillis, List<Host> hosts, List<Vm> vms) {
        return new PoolState(timeMillis, Pool.plain(hosts.isEmpty() ? "" : hosts.getFirst().key()), hosts, vms,
                List.of());
    }

    /**
     * The pool object.
     *
     * @param masterKey   the master host (never powered off)
     * @param wlbEnabled  the pool's own Workload Balancing is on: this daemon then does nothing
     * @param otherConfig pool.other_config (the daemon's lease lives there)
     */
    public record Pool(String key, String masterKey, boolean wlbEnabled, Map<String, String> otherConfig) {
        public Pool {
            otherConfig = Map.copyOf(otherConfig);
        }

        public static Pool plain(String masterKey) {
            return new Pool("pool", masterKey, false, Map.of());
        }
    }

    /**
     * Samples of a utilisation (0..1) at pool times (epoch ms), oldest first, NaNs left out. Empty
     * when nothing could be read.
     */
    public record Samples(long[] timesMillis, double[] values) {
        public static final Samples NONE = new Samples(new long[0], new double[0]);

        public Samples {
            if (timesMillis.length != values.length) {
                throw new IllegalArgumentException(timesMillis.length + " times for " + values.length + " values");
            }
        }

        public static Samples of(long timeMillis, double value) {
            return new Samples(new long[] {timeMillis}, new double[] {value});
        }

        public boolean isEmpty() {
            return values.length == 0;
        }

        public int size() {
            return values.length;
        }

        public double mean() {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return values.length == 0 ? Double.NaN : sum / values.length;
        }

        public boolean allZero() {
            for (double v : values) {
                if (v != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A host.
     *
     * @param threads          logical CPUs (0 is a misread: no host has none)
     * @param guestMemoryBytes memory guests may use (total less the control domain)
     * @param freeMemoryBytes  memory free now, reservations of incoming migrations deducted
     * @param live             up and heartbeating; an offline host is never a destination
     * @param enabled          false while disabled (maintenance, or powering off)
     * @param cpu              the host's own CPU utilisation samples; empty when its metrics could not be read
     * @param dom0Threads      threads the control domain used (samples); counted as load no VM can use
     * @param powerOnMode      how the pool powers the host on (wake-on-lan, IPMI, ...); empty: it cannot
     * @param tags             the host's tags and other_config, where placement rules are read
     * @param metricsProblem   why the metrics of this host could not be read, if that is so
     */
    public record Host(String key, String name, int threads, long guestMemoryBytes, long freeMemoryBytes,
                       boolean live, boolean enabled, Samples cpu, Samples dom0Threads, String powerOnMode,
                       Set<String> tags, Map<String, String> otherConfig, Optional<String> metricsProblem,
                       Identity identity) {
        public Host {
            tags = Set.copyOf(tags);
            otherConfig = Map.copyOf(otherConfig);
        }

        /** Starts a host that is live, enabled, without samples, tags, power-on mode or identity. */
        public static Builder builder(String key, String name) {
            return new Builder(key, name);
        }

        /** A builder holding this host's values, to change some of them. */
        public Builder toBuilder() {
            return new Builder(key, name).size(threads, guestMemoryBytes, freeMemoryBytes).state(live, enabled).cpu(cpu)
                    .dom0Threads(dom0Threads).powerOnMode(powerOnMode).tags(tags).otherConfig(otherConfig)
                    .metricsProblem(metricsProblem).identity(identity);
        }

        /** Names what a host is made of, in groups, instead of fourteen positional arguments. */
        public static final class Builder {
            private final String key;
            private final String name;
            private int threads;
            private long guestMemoryBytes;
            private long freeMemoryBytes;
            private boolean live = true;
            private boolean enabled = true;
            private Samples cpu = Samples.NONE;
            private Samples dom0Threads = Samples.NONE;
            private String powerOnMode = "";
            private Set<String> tags = Set.of();
            private Map<String, String> otherConfig = Map.of();
            private Optional<String> metricsProblem = Optional.empty();
            private Identity identity = Identity.NONE;

            private Builder(String key, String name) {
                this.key = key;
                this.name = name;
            }

            public Builder size(int threads, long guestMemoryBytes, long freeMemoryBytes) {
                this.threads = threads;
                this.guestMemoryBytes = guestMemoryBytes;
                this.freeMemoryBytes = freeMemoryBytes;
                return this;
            }

            public Builder state(boolean live, boolean enabled) {
                this.live = live;
                this.enabled = enabled;
                return this;
            }

            public Builder cpu(Samples cpu) {
                this.cpu = cpu;
                return this;
            }

            public Builder dom0Threads(Samples dom0Threads) {
                this.dom0Threads = dom0Threads;
                return this;
            }

            public Builder powerOnMode(String powerOnMode) {
                this.powerOnMode = powerOnMode;
                return this;
            }

            public Builder tags(Set<String> tags) {
                this.tags = tags;
                return this;
            }

            public Builder otherConfig(Map<String, String> otherConfig) {
                this.otherConfig = otherConfig;
                return this;
            }

            public Builder metricsProblem(Optional<String> metricsProblem) {
                this.metricsProblem = metricsProblem;
                return this;
            }

            public Builder identity(Identity identity) {
                this.identity = identity;
                return this;
            }

            public Host build() {
                return new Host(key, name, threads, guestMemoryBytes, freeMemoryBytes, live, enabled, cpu, dom0Threads,
                        powerOnMode, tags, otherConfig, metricsProblem, identity);
            }
        }

        /** A host with nothing but its size, state and one CPU sample (tests, benchmarks). */
        public static Host simple(String key, String name, int threads, long guestMemoryBytes, long freeMemoryBytes,
                                  boolean live, boolean enabled, Samples cpu) {
            return builder(key, name).size(threads, guestMemoryBytes, freeMemoryBytes).state(live, enabled).cpu(cpu)
                    .build();
        }
    }

    /**
     * A running guest (control domains, templates and halted VMs are left out by the reader).
     *
     * @param hostKey   the host it runs on
     * @param operation an operation in progress on it (e.g. "pool_migrate"), if any
     * @param cpu       mean vCPU utilisation samples; empty when they could not be read
     * @param tags      the VM's tags; with {@code otherConfig}, where its placement rules are read
     */
    /**
     * What identifies a host beyond its XAPI reference, for matching it with a raybench result of it.
     *
     * @param uuid     the host's UUID (raybench records it on a XenServer / XCP-ng host)
     * @param cpuModel its CPU's model name (XAPI's cpu_info modelname)
     */
    public record Identity(String uuid, String cpuModel) {
        public static final Identity NONE = new Identity("", "");
    }

    public record Vm(String key, String name, int vcpus, long memoryBytes, String hostKey, Optional<String> operation,
                     Samples cpu, Set<String> tags, Map<String, String> otherConfig) {
        public Vm {
            tags = Set.copyOf(tags);
            otherConfig = Map.copyOf(otherConfig);
        }

        public static Vm simple(String key, String name, int vcpus, long memoryBytes, String hostKey,
                                Optional<String> operation, Samples cpu) {
            return new Vm(key, name, vcpus, memoryBytes, hostKey, operation, cpu, Set.of(), Map.of());
        }
    }
}
