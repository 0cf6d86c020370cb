package raypool.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import raypool.daemon.DaemonConfig;
import raypool.daemon.DaemonMemory;
import raypool.daemon.PlanPreview;
import raypool.daemon.RoundDecider;
import raypool.daemon.xapi.XapiPoolReader;
import raypool.web.store.AuditStore;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.rrd.RrdClient;
import raypool.xapi.rrd.RrdFormat;
import raypool.xapi.rrd.RrdUpdates;

/**
 * Reads what the dashboard shows from the pool: host records and rrd_updates for load, pending
 * VM.pool_migrate tasks, licence fields, networks (and tunnels where the pool has them), and the balancer's
 * recommendations from the daemon's own planner and decider ({@link PlanPreview}) on a fresh snapshot.
 * {@link #refresh()} is called by a timer; the page and its live stream read {@link #current()}.
 */
public final class PoolDashboard implements DashboardSource {
    private static final System.Logger LOG = System.getLogger(PoolDashboard.class.getName());
    private static final long HISTORY_SECONDS = 3 * 3600;
    private final XapiClient client;
    private final RrdClient rrd;
    private final AuditStore audit;
    private final Clock clock;
    private final HostHistory history = new HostHistory(720);
    private final AtomicReference<Dashboard> latest = new AtomicReference<>(Dashboard.EMPTY);
    private final XapiPoolReader reader;
    private boolean seeded;

    public PoolDashboard(XapiClient client, AuditStore audit, Clock clock) {
        this.client = client;
        this.rrd = RrdClient.sharing(client);
        this.audit = audit;
        this.clock = clock;
        this.reader = new XapiPoolReader(client);
    }

    @Override
    public Dashboard current() {
        return latest.get();
    }

    public synchronized Dashboard refresh() {
        if (!seeded) {
            // the archive of the last hours at one-minute steps, then the newest samples at every refresh
            history.add(rrd.fetch(client, -HISTORY_SECONDS, 60, RrdFormat.JSON));
            seeded = true;
        }
        RrdUpdates recent = rrd.fetch(client, -60, 5, RrdFormat.JSON);
        history.add(recent);
        JsonNode hosts = client.call("host.get_all_records");
        JsonNode metrics = client.call("host_metrics.get_all_records");
        List<Dashboard.HostRow> rows = new ArrayList<>();
        List<Dashboard.LicenceRow> licences = new ArrayList<>();
        Instant now = clock.instant();
        hosts.properties().forEach(e -> {
            JsonNode h = e.getValue();
            String uuid = h.path("uuid").asText();
            JsonNode m = metrics.path(h.path("metrics").asText());
            Map<String, Double> latestValues = recent.latestOf(uuid);
            double net = latestValues.entrySet().stream()
                    .filter(x -> x.getKey().startsWith("pif_") && !x.getKey().startsWith("pif_aggr_")
                            && (x.getKey().endsWith("_rx") || x.getKey().endsWith("_tx")))
                    .mapToDouble(Map.Entry::getValue).filter(v -> !Double.isNaN(v)).sum() * 8 / 1e6;
            double total = m.path("memory_total").asDouble();
            double memory = total > 0 ? 1 - m.path("memory_free").asDouble() / total : Double.NaN;
            Chart cpu = history.cpu(uuid);
            rows.add(new Dashboard.HostRow(h.path("name_label").asText(), m.path("live").asBoolean(),
                    h.path("enabled").asBoolean(), cpu.last(), memory, net, cpu, history.memory(uuid)));
            String expiry = h.path("license_params").path("expiry").asText("");
            licences.add(new Dashboard.LicenceRow(h.path("name_label").asText(), h.path("edition").asText(""),
                    expiry, Licences.finding(expiry, now)));
        });
        Dashboard d = new Dashboard(now, rows, List.of(), List.of(), migrations(hosts), auditRows(), licences, networks());
        d = withRecommendations(d);
        latest.set(d);
        return d;
    }

    private Dashboard withRecommendations(Dashboard d) {
        List<Dashboard.Recommendation> recs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        try {
            PlanPreview.Result r = PlanPreview.of(DaemonConfig.defaults(), reader.read(), DaemonMemory.EMPTY, "raypool-web");
            notes.addAll(r.notes());
            r.rejected().ifPresent(why -> notes.add("the plan checker refused the plan: " + why));
            for (RoundDecider.Decision dec : r.outcome().decisions()) {
                if (dec.proposal() instanceof RoundDecider.Migration m) {
                    recs.add(new Dashboard.Recommendation(m.vmName(), m.fromName(), m.toName(), Stars.of(m.severity()),
                            m.reason(), dec.verdict().text()));
                } else {
                    notes.add(dec.proposal().key() + ": " + dec.proposal().reason());
                }
            }
            if (recs.isEmpty() && notes.isEmpty()) {
                notes.add("the balancer would move nothing now");
            }
        } catch (RuntimeException e) {
            notes.add("the balancer's planner could not run: " + e.getMessage());
        }
        return new Dashboard(d.at(), d.hosts(), recs, notes, d.migrations(), d.audit(), d.licences(), d.networks());
    }

    /** VMs with a pool_migrate in their current_operations, with the progress of its task. */
    private List<Dashboard.MigrationRow> migrations(JsonNode hosts) {
        List<Dashboard.MigrationRow> out = new ArrayList<>();
        JsonNode tasks = client.call("task.get_all_records");
        client.call("VM.get_all_records").properties().forEach(e -> {
            JsonNode v = e.getValue();
            v.path("current_operations").properties().forEach(op -> {
                if (op.getValue().asText().equals("pool_migrate")) {
                    JsonNode t = tasks.path(op.getKey());
                    out.add(new Dashboard.MigrationRow(v.path("name_label").asText(),
                            hosts.path(v.path("resident_on").asText()).path("name_label").asText("?"), "",
                            "migrating " + Math.round(t.path("progress").asDouble() * 100) + "%", t.path("created").asText("")));
                }
            });
        });
        return out;
    }

    private List<Dashboard.AuditRow> auditRows() {
        return audit.recent(20).stream().map(a -> new Dashboard.AuditRow(a.at().toString(), a.user(), a.vmName(),
                a.action(), a.result())).toList();
    }

    private List<Dashboard.NetworkRow> networks() {
        List<String> tunnels = new ArrayList<>();
        try {
            client.call("tunnel.get_all_records").properties().forEach(e -> tunnels.add(
                    e.getValue().path("protocol").asText("gre") + " on " + e.getValue().path("transport_PIF").asText()));
        } catch (XapiError e) {
            LOG.log(System.Logger.Level.DEBUG, "no tunnels: " + e.code());
        }
        List<Dashboard.NetworkRow> out = new ArrayList<>();
        client.call("network.get_all_records").properties().forEach(e -> {
            JsonNode n = e.getValue();
            out.add(new Dashboard.NetworkRow(n.path("name_label").asText(), n.path("bridge").asText(""),
                    n.path("PIFs").size(), tunnels, n.path("other_config").path("firewall_policy").asText("none")));
        });
        return out;
    }
}
