package raypool.xapi.balancing;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import raypool.balancer.daemon.PoolReader;
import raypool.balancer.daemon.PoolState;
import raypool.balancer.daemon.PoolUnavailableException;
import raypool.xapi.client.EventWatcher;
import raypool.xapi.client.HostMetricsRecord;
import raypool.xapi.client.HostRecord;
import raypool.xapi.client.PoolApi;
import raypool.xapi.client.Ref;
import raypool.xapi.client.VmRecord;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiTransportException;
import raypool.xapi.rrd.HostLoad;
import raypool.xapi.rrd.RrdClient;
import raypool.xapi.rrd.RrdFormat;
import raypool.xapi.rrd.RrdUpdates;
import raypool.xapi.rrd.VmLoad;

/**
 * Reads a XAPI pool for the daemon: host, host_metrics and VM records (with current_operations, so a
 * VM being migrated by anyone is seen busy), and the newest RRD sample of every host and VM. The
 * pool's clock is the RRD's end time. Each round also asks {@code event.from} (without waiting) what
 * changed since the last round, which is how an EVENTS_LOST or a renewed session reaches the audit log.
 */
public final class XapiPoolReader implements PoolReader {
    private final XapiClient client;
    private final PoolApi api;
    private final RrdClient rrd;
    private final EventWatcher events;
    private final boolean relativeStart;
    private Ref lastSession;
    private long lastEndSeconds = -1;

    /** For a real pool: /rrd_updates is asked from an absolute time (documented xapi usage). */
    public XapiPoolReader(XapiClient client) {
        this(client, false);
    }

    /**
     * @param relativeStart ask /rrd_updates with {@code start=-60} (counted back from the newest sample),
     *                      which the simulated pool answers whatever its clock; otherwise with an epoch
     *                      time: 60 s before the previous reply's end, or before the local clock at first
     */
    public XapiPoolReader(XapiClient client, boolean relativeStart) {
        this.client = client;
        this.relativeStart = relativeStart;
        this.api = new PoolApi(client);
        this.rrd = RrdClient.sharing(client);
        this.events = new EventWatcher(client, List.of("host", "vm", "task"));
        this.lastSession = client.session();
    }

    @Override
    public PoolState read() {
        List<String> notes = new ArrayList<>();
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
            Map<Ref, HostRecord> hosts = api.hosts();
            Map<Ref, HostMetricsRecord> metrics = api.hostMetrics();
            JsonNode vmRecords = client.call("VM.get_all_records");
            RrdUpdates master = rrd.fetch(client, rrdStart(), 5, RrdFormat.JSON);
            lastEndSeconds = master.end();
            List<RrdUpdates> samples = new ArrayList<>(List.of(master));
            samples.addAll(memberSamples(hosts, metrics, notes));
            Ref now = client.session();
            if (!now.equals(lastSession)) {
                notes.add("the XAPI session was renewed (SESSION_INVALID answered and the client logged in again)");
                lastSession = now;
            }
            List<Map<String, Map<String, Double>>> latest = samples.stream().map(RrdUpdates::latestByOwner).toList();
            return state(master.end() * 1000, hosts, metrics, vmRecords, latest, notes);
        } catch (XapiTransportException e) {
            throw new PoolUnavailableException(e.getMessage(), e);
        } catch (XapiError e) {
            throw new PoolUnavailableException(e.code() + " " + e.params() + " from " + e.method(), e);
        }
    }

    private long rrdStart() {
        if (relativeStart) {
            return -60;
        }
        return (lastEndSeconds > 0 ? lastEndSeconds : System.currentTimeMillis() / 1000) - 60;
    }

    /** A VM's RRD lives on the host it runs on: fetch from each live member with an address of its own. */
    private List<RrdUpdates> memberSamples(Map<Ref, HostRecord> hosts, Map<Ref, HostMetricsRecord> metrics,
                                           List<String> notes) {
        URI endpoint = client.endpoint();
        Set<String> addresses = new LinkedHashSet<>();
        for (HostRecord h : hosts.values()) {
            HostMetricsRecord m = metrics.get(h.metrics());
            if (m != null && m.live() && !h.address().isEmpty() && !h.address().equals(endpoint.getHost())) {
                addresses.add(h.address());
            }
        }
        List<RrdUpdates> out = new ArrayList<>();
        for (String address : addresses) {
            try {
                URI base = new URI(endpoint.getScheme(), null, address, endpoint.getPort(), "/", null, null);
                out.add(rrd.fetch(base, client.session(), rrdStart(), 5, RrdFormat.JSON));
            } catch (URISyntaxException | XapiTransportException e) {
                notes.add("metrics of host " + address + " could not be read: " + e.getMessage());
            }
        }
        return out;
    }

    private static PoolState state(long timeMillis, Map<Ref, HostRecord> hosts, Map<Ref, HostMetricsRecord> metrics,
                                   JsonNode vmRecords, List<Map<String, Map<String, Double>>> samples,
                                   List<String> notes) {
        Map<String, Long> controlDomainBytes = new HashMap<>();
        List<PoolState.Vm> vms = new ArrayList<>();
        vmRecords.properties().forEach(e -> {
            Ref ref = new Ref(e.getKey());
            VmRecord vm = VmRecord.from(ref, e.getValue());
            if (vm.isControlDomain()) {
                controlDomainBytes.merge(vm.residentOn().value(), vm.memoryStaticMax(), Long::sum);
                return;
            }
            if (!vm.isMovableGuest() || vm.residentOn().isNull()) {
                return;
            }
            Optional<String> operation = Optional.empty();
            JsonNode ops = e.getValue().path("current_operations");
            if (ops.isObject() && !ops.isEmpty()) {
                operation = Optional.of(ops.properties().iterator().next().getValue().asText());
            }
            double cpu = Double.NaN;
            for (Map<String, Map<String, Double>> u : samples) {
                VmLoad load = VmLoad.of(u.getOrDefault(vm.uuid(), Map.of()), vm.uuid());
                if (load.vcpus() > 0) {
                    cpu = load.cpuUtilisation();
                    break;
                }
            }
            vms.add(new PoolState.Vm(ref.value(), vm.nameLabel(), (int) vm.vcpusMax(), vm.memoryStaticMax(),
                    vm.residentOn().value(), operation, cpu));
        });
        List<PoolState.Host> out = new ArrayList<>();
        for (HostRecord h : hosts.values()) {
            HostMetricsRecord m = metrics.get(h.metrics());
            long total = m == null ? 0 : m.memoryTotal();
            long free = m == null ? 0 : m.memoryFree();
            boolean live = m != null && m.live();
            double cpu = Double.NaN;
            for (Map<String, Map<String, Double>> u : samples) {
                HostLoad load = HostLoad.of(u.getOrDefault(h.uuid(), Map.of()), h.uuid());
                if (load.cpus() > 0) {
                    cpu = load.cpuUtilisation();
                    break;
                }
            }
            long guests = Math.max(0, total - controlDomainBytes.getOrDefault(h.ref().value(), 0L));
            out.add(new PoolState.Host(h.ref().value(), h.nameLabel(), h.cpuCount(), guests, free, live, h.enabled(),
                    cpu));
        }
        return new PoolState(timeMillis, out, vms, notes);
    }
}
