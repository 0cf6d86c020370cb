package raypool.web.pool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import raypool.xapi.client.XapiClient;

/** Reads and changes the pool through the XAPI client: one session, reused for every request. */
public final class XapiPoolGateway implements PoolGateway {
    private static final long MIB = 1L << 20;
    private static final String NULL_REF = "OpaqueRef:NULL";
    private final XapiClient client;

    public XapiPoolGateway(XapiClient client) {
        this.client = client;
    }

    @Override
    public PoolView read() {
        JsonNode pools = client.call("pool.get_all_records");
        JsonNode pool = pools.properties().iterator().next().getValue();
        JsonNode hosts = client.call("host.get_all_records");
        JsonNode metrics = client.call("host_metrics.get_all_records");
        Map<String, HostView> byRef = new HashMap<>();
        List<HostView> hostViews = new ArrayList<>();
        hosts.properties().forEach(e -> {
            JsonNode h = e.getValue();
            JsonNode m = metrics.path(h.path("metrics").asText());
            HostView view = new HostView(e.getKey(), h.path("uuid").asText(), h.path("name_label").asText(),
                    m.path("live").asBoolean(false), h.path("enabled").asBoolean(), h.path("cpu_info").path("cpu_count").asInt(),
                    m.path("memory_total").asLong() / MIB, m.path("memory_free").asLong() / MIB);
            byRef.put(e.getKey(), view);
            hostViews.add(view);
        });
        List<VmView> vms = new ArrayList<>();
        client.call("VM.get_all_records").properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.path("is_a_template").asBoolean() || v.path("is_a_snapshot").asBoolean()
                    || v.path("is_control_domain").asBoolean()) {
                return;
            }
            String resident = v.path("resident_on").asText(NULL_REF);
            Optional<HostView> host = Optional.ofNullable(byRef.get(resident));
            vms.add(new VmView(e.getKey(), v.path("uuid").asText(), v.path("name_label").asText(),
                    v.path("power_state").asText(), host.map(HostView::uuid), host.map(HostView::name),
                    v.path("VCPUs_at_startup").asLong(), v.path("VCPUs_max").asLong(),
                    v.path("memory_dynamic_max").asLong() / MIB, v.path("memory_static_min").asLong() / MIB,
                    v.path("memory_static_max").asLong() / MIB));
        });
        Map<String, NetworkView> networks = new java.util.LinkedHashMap<>();
        client.call("network.get_all_records").properties().forEach(e -> networks.put(e.getKey(),
                new NetworkView(e.getKey(), e.getValue().path("uuid").asText(), e.getValue().path("name_label").asText())));
        Map<String, String> vmUuids = new HashMap<>();
        vms.forEach(v -> vmUuids.put(v.ref(), v.uuid()));
        List<VifView> vifs = new ArrayList<>();
        client.call("VIF.get_all_records").properties().forEach(e -> {
            JsonNode f = e.getValue();
            String vm = vmUuids.get(f.path("VM").asText());
            NetworkView n = networks.get(f.path("network").asText());
            if (vm != null && n != null) {
                vifs.add(new VifView(e.getKey(), vm, f.path("device").asText(), n.uuid(), n.name(),
                        f.path("currently_attached").asBoolean()));
            }
        });
        JsonNode vdis = client.call("VDI.get_all_records");
        List<DiskView> disks = new ArrayList<>();
        client.call("VBD.get_all_records").properties().forEach(e -> {
            JsonNode b = e.getValue();
            String vm = vmUuids.get(b.path("VM").asText());
            JsonNode vdi = vdis.path(b.path("VDI").asText());
            if (vm != null && !vdi.isMissingNode() && b.path("type").asText().equals("Disk")) {
                disks.add(new DiskView(e.getKey(), b.path("VDI").asText(), vm, b.path("userdevice").asText(),
                        vdi.path("name_label").asText(), vdi.path("virtual_size").asLong() / (1L << 30),
                        b.path("currently_attached").asBoolean()));
            }
        });
        return new PoolView(pool.path("uuid").asText(), pool.path("default_SR").asText(NULL_REF), hostViews, vms,
                List.copyOf(networks.values()), vifs, disks);
    }

    @Override
    public List<String> run(List<XapiCall> calls) {
        List<String> results = new ArrayList<>();
        for (XapiCall c : calls) {
            results.add(client.call(c.method(), c.args().toArray()).asText(""));
        }
        return results;
    }
}
