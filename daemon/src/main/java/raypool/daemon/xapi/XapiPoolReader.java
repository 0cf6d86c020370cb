package raypool.daemon.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import raypool.daemon.PoolReader;
import raypool.daemon.PoolState;
import raypool.daemon.PoolUnavailableException;
import raypool.xapi.client.EventWatcher;
import raypool.xapi.client.HostMetricsRecord;
import raypool.xapi.client.HostRecord;
import raypool.xapi.client.JsonRpcTransport;
import raypool.xapi.client.Ref;
import raypool.xapi.client.TlsPolicy;
import raypool.xapi.client.VmRecord;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiTransportException;
import raypool.xapi.rrd.DataSource;
import raypool.xapi.rrd.RrdClient;
import raypool.xapi.rrd.RrdFormat;
import raypool.xapi.rrd.RrdUpdates;

/**
 * Reads a XAPI pool for the daemon: the pool record (master, wlb_enabled, other_config), host,
 * host_metrics and VM records (with current_operations, so a VM being migrated by anyone is seen
 * busy; tags and other_config, where placement rules are), and the RRD samples of every host and VM
 * since the last read. The pool's clock is the RRD's end time. Each round also asks {@code event.from}
 * (without waiting) what changed since the last round, which is how an EVENTS_LOST or a renewed
 * session reaches the audit log.
 *
 * <p>A VM's RRD lives on the host it runs on, so each live member with an address of its own is asked
 * too, over a connection with that host's own trust: its pin from the configuration, or the JDK's trust
 * store with host name verification (never the master's pin, which a member's certificate does not
 * match). A member that cannot be read leaves its host and its VMs without metrics (unknown, never
 * zero) and says why.
 */
public final class XapiPoolReader implements PoolReader {
    private static final Pattern CPU = Pattern.compile("cpu\\d+");
    /** How far back the first read (and the simulated pool's relative start) goes: one planner window. */
    static final long WINDOW_SECONDS = 300;

    private final XapiClient client;
    private final RrdClient masterRrd;
    private final EventWatcher events;
    private final boolean relativeStart;
    private final BiFunction<String, String, TlsPolicy> memberTrust;
    private final long firstWindowSeconds;
    private final Map<String, RrdClient> memberRrd = new HashMap<>();
    private Ref lastSession;
    private long lastEndSeconds = -1;

    /** For a real pool: /rrd_updates from an absolute time; members with the JDK's trust store. */
    public XapiPoolReader(XapiClient client) {
        this(client, false, (name, address) -> new TlsPolicy.SystemTrust());
    }

    /**
     * @param relativeStart ask /rrd_updates with a negative {@code start} (counted back from the newest
     *                      sample), which the simulated pool answers whatever its clock; otherwise with an
     *                      epoch time: just before the previous reply's end, or one window before the local
     *                      clock at first
     * @param memberTrust   the TLS policy of a pool member, by name label and address
     */
    public XapiPoolReader(XapiClient client, boolean relativeStart, BiFunction<String, String, TlsPolicy> memberTrust) {
        this(client, relativeStart, memberTrust, WINDOW_SECONDS);
    }

    /** @param firstWindowSeconds how far back the first read goes (a one-off plan wants more history) */
    public XapiPoolReader(XapiClient client, boolean relativeStart, BiFunction<String, String, TlsPolicy> memberTrust,
                          long firstWindowSeconds) {
        this.firstWindowSeconds = firstWindowSeconds;
        this.client = client;
        this.relativeStart = relativeStart;
        this.memberTrust = memberTrust;
        this.masterRrd = RrdClient.sharing(client);
        this.events = new EventWatcher(client, List.of("host", "vm", "task"));
        this.lastSession = client.session();
    }

    /** Notes of reads that failed after noticing something: said with the next read that works. */
    private final List<String> notes = new ArrayList<>();

    @Override
    public PoolState read() {
        try {
            try {
                // the changes themselves are not used: the pool is read whole below; this call is
                // what notices a lost event queue, which the audit log then reports
                events.next(Duration.ZERO);
            } catch (XapiError.EventsLost e) {
                events.reset();
                notes.add("EVENTS_LOST from event.from: the event token was reset; the pool is read whole "
                        + "this round (as every round)");
            }
            JsonNode poolRecords = client.call("pool.get_all_records");
            JsonNode hostRecords = client.call("host.get_all_records");
            JsonNode metricRecords = client.call("host_metrics.get_all_records");
            JsonNode vmRecords = client.call("VM.get_all_records");
            long start = rrdStart();
            RrdUpdates master = masterRrd.fetch(client, start, 5, RrdFormat.JSON);
            lastEndSeconds = master.end();
            Map<Ref, HostRecord> hosts = new LinkedHashMap<>();
            hostRecords.properties().forEach(e -> hosts.put(new Ref(e.getKey()), HostRecord.from(new Ref(e.getKey()),
                    e.getValue())));
            Map<Ref, HostMetricsRecord> metrics = new HashMap<>();
            metricRecords.properties().forEach(e -> metrics.put(new Ref(e.getKey()),
                    HostMetricsRecord.from(new Ref(e.getKey()), e.getValue())));
            List<RrdUpdates> samples = new ArrayList<>(List.of(master));
            Map<String, String> hostProblems = new HashMap<>();
            samples.addAll(memberSamples(hosts, metrics, start, hostProblems));
            Ref now = client.session();
            if (!now.equals(lastSession)) {
                notes.add("the XAPI session was renewed (SESSION_INVALID answered and the client logged in again)");
                lastSession = now;
            }
            PoolState state = state(master.end() * 1000, new Records(poolRecords, hosts, hostRecords, metrics, vmRecords),
                    index(samples), hostProblems, List.copyOf(notes));
            notes.clear();
            return state;
        } catch (XapiTransportException e) {
            throw new PoolUnavailableException(e.getMessage(), e);
        } catch (XapiError e) {
            throw new PoolUnavailableException(e.code() + " " + e.params() + " from " + e.method(), e);
        } catch (IllegalArgumentException e) {
            throw new PoolUnavailableException("the pool's answer could not be read: " + e.getMessage(), e);
        }
    }

    private long rrdStart() {
        long window = lastEndSeconds > 0 ? WINDOW_SECONDS : firstWindowSeconds;
        if (relativeStart) {
            return -window;
        }
        // samples already taken are skipped by time downstream, so overlapping by a step is harmless
        return lastEndSeconds > 0 ? lastEndSeconds - 5 : System.currentTimeMillis() / 1000 - window;
    }

    /** Each live member with an address other than the master's, over its own TLS trust. */
    private List<RrdUpdates> memberSamples(Map<Ref, HostRecord> hosts, Map<Ref, HostMetricsRecord> metrics,
                                           long start, Map<String, String> problems) {
        URI endpoint = client.endpoint();
        Map<String, List<HostRecord>> byAddress = new LinkedHashMap<>();
        for (HostRecord h : hosts.values()) {
            HostMetricsRecord m = metrics.get(h.metrics());
            if (m != null && m.live() && !h.address().isEmpty() && !h.address().equals(endpoint.getHost())) {
                byAddress.computeIfAbsent(h.address(), a -> new ArrayList<>()).add(h);
            }
        }
        List<RrdUpdates> out = new ArrayList<>();
        for (var e : byAddress.entrySet()) {
            String address = e.getKey();
            HostRecord first = e.getValue().getFirst();
            try {
                URI base = new URI(endpoint.getScheme(), null, address, endpoint.getPort(), "/", null, null);
                RrdClient rrd = memberRrd.computeIfAbsent(address, a -> memberClient(first.nameLabel(), a));
                out.add(rrd.fetch(base, client.session(), start, 5, RrdFormat.JSON));
            } catch (URISyntaxException | XapiTransportException ex) {
                for (HostRecord h : e.getValue()) {
                    problems.put(h.ref().value(), "metrics of host " + h.nameLabel() + " (" + address
                            + ") could not be read: " + ex.getMessage());
                }
            }
        }
        return out;
    }

    private RrdClient memberClient(String name, String address) {
        TlsPolicy trust = memberTrust.apply(name, address);
        HttpClient http = JsonRpcTransport.httpClient(trust, client.settings().callTimeout());
        return new RrdClient(http, client.settings().callTimeout());
    }

    /** Per owner uuid: the replies' CPU columns, from the first reply that has any for it. */
    private record CpuColumns(RrdUpdates rrd, List<Integer> columns) {
        /** Mean over the owner's CPUs of each row, oldest first; rows where every CPU is NaN are left out. */
        PoolState.Samples samples(double scale) {
            int rows = rrd.rows();
            Integer[] order = new Integer[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Long.compare(rrd.times()[a], rrd.times()[b]));
            long[] times = new long[rows];
            double[] values = new double[rows];
            int n = 0;
            for (int row : order) {
                double sum = 0;
                int count = 0;
                for (int col : columns) {
                    double v = rrd.values()[row][col];
                    if (!Double.isNaN(v)) {
                        sum += v;
                        count++;
                    }
                }
                if (count > 0) {
                    times[n] = rrd.times()[row] * 1000;
                    values[n] = sum / count * scale;
                    n++;
                }
            }
            return new PoolState.Samples(java.util.Arrays.copyOf(times, n), java.util.Arrays.copyOf(values, n));
        }

        int cpus() {
            return columns.size();
        }
    }

    private static Map<String, CpuColumns> index(List<RrdUpdates> replies) {
        Map<String, CpuColumns> out = new HashMap<>();
        for (RrdUpdates rrd : replies) {
            Map<String, List<Integer>> columns = new HashMap<>();
            for (int c = 0; c < rrd.columns().size(); c++) {
                DataSource ds = rrd.columns().get(c);
                if (CPU.matcher(ds.name()).matches()) {
                    columns.computeIfAbsent(ds.ownerUuid(), k -> new ArrayList<>()).add(c);
                }
            }
            columns.forEach((owner, cols) -> out.putIfAbsent(owner, new CpuColumns(rrd, cols)));
        }
        return out;
    }

    /** The records one read of the pool gave: raw where fields are read by name, parsed where typed. */
    private record Records(JsonNode poolRecords, Map<Ref, HostRecord> hosts, JsonNode hostRecords,
                           Map<Ref, HostMetricsRecord> metrics, JsonNode vmRecords) {
    }

    private static PoolState state(long timeMillis, Records records, Map<String, CpuColumns> cpu,
                                   Map<String, String> hostProblems, List<String> notes) {
        PoolState.Pool pool = pool(records.poolRecords());
        Map<String, Long> controlDomainBytes = new HashMap<>();
        Map<String, PoolState.Samples> dom0 = new HashMap<>();
        List<PoolState.Vm> vms = new ArrayList<>();
        records.vmRecords().properties().forEach(e -> {
            Ref ref = new Ref(e.getKey());
            JsonNode raw = e.getValue();
            VmRecord vm = VmRecord.from(ref, raw);
            if (vm.isControlDomain()) {
                controlDomainBytes.merge(vm.residentOn().value(), vm.memoryStaticMax(), Long::sum);
                CpuColumns c = cpu.get(vm.uuid());
                if (c != null) {
                    // threads the control domain keeps busy: mean vCPU use times its vCPUs
                    dom0.put(vm.residentOn().value(), c.samples(c.cpus()));
                }
                return;
            }
            if (!vm.isMovableGuest() || vm.residentOn().isNull()) {
                return;
            }
            Optional<String> operation = Optional.empty();
            JsonNode ops = raw.path("current_operations");
            if (ops.isObject() && !ops.isEmpty()) {
                operation = Optional.of(ops.properties().iterator().next().getValue().asText());
            }
            CpuColumns c = cpu.get(vm.uuid());
            PoolState.Samples samples = c == null ? PoolState.Samples.NONE : c.samples(1);
            vms.add(new PoolState.Vm(ref.value(), vm.nameLabel(), (int) vm.vcpusMax(), vm.memoryStaticMax(),
                    vm.residentOn().value(), operation, samples, Set.copyOf(strings(raw, "tags")),
                    map(raw, "other_config")));
        });
        List<PoolState.Host> out = new ArrayList<>();
        for (HostRecord h : records.hosts().values()) {
            JsonNode raw = records.hostRecords().path(h.ref().value());
            HostMetricsRecord m = records.metrics().get(h.metrics());
            long total = m == null ? 0 : m.memoryTotal();
            long free = m == null ? 0 : m.memoryFree();
            boolean live = m != null && m.live();
            CpuColumns c = cpu.get(h.uuid());
            Optional<String> problem = Optional.ofNullable(hostProblems.get(h.ref().value()));
            if (m == null && problem.isEmpty()) {
                problem = Optional.of("host " + h.nameLabel() + " has no host_metrics record");
            }
            long guests = Math.max(0, total - controlDomainBytes.getOrDefault(h.ref().value(), 0L));
            out.add(PoolState.Host.builder(h.ref().value(), h.nameLabel()).size(h.cpuCount(), guests, free)
                    .state(live, h.enabled()).cpu(c == null ? PoolState.Samples.NONE : c.samples(1))
                    .dom0Threads(dom0.getOrDefault(h.ref().value(), PoolState.Samples.NONE))
                    .powerOnMode(text(raw, "power_on_mode")).tags(Set.copyOf(strings(raw, "tags")))
                    .otherConfig(map(raw, "other_config")).metricsProblem(problem)
                    .identity(new PoolState.Identity(h.uuid(), raw.path("cpu_info").path("modelname").asText("")))
                    .build());
        }
        return new PoolState(timeMillis, pool, out, vms, notes);
    }

    private static PoolState.Pool pool(JsonNode records) {
        var it = records.properties().iterator();
        if (!it.hasNext()) {
            throw new IllegalArgumentException("pool.get_all_records returned no pool");
        }
        var e = it.next();
        JsonNode r = e.getValue();
        return new PoolState.Pool(e.getKey(), text(r, "master"), r.path("wlb_enabled").asBoolean(false),
                map(r, "other_config"));
    }

    // fields some xapi versions (and the simulated pool) may not send: absent is empty, never an error

    private static String text(JsonNode r, String field) {
        JsonNode v = r.path(field);
        return v.isValueNode() ? v.asText() : "";
    }

    private static List<String> strings(JsonNode r, String field) {
        List<String> out = new ArrayList<>();
        r.path(field).forEach(item -> out.add(item.asText()));
        return out;
    }

    private static Map<String, String> map(JsonNode r, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode v = r.path(field);
        if (v.isObject()) {
            v.properties().forEach(p -> out.put(p.getKey(), p.getValue().asText()));
        }
        return out;
    }

    /** Addresses of the members whose metrics are read over their own connections (for tests). */
    Set<String> memberAddresses() {
        return new LinkedHashSet<>(memberRrd.keySet());
    }
}
