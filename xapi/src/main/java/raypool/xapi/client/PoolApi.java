package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The typed calls a balancer needs, on top of {@link XapiClient}: read the pool's hosts and VMs with
 * their metrics objects, and live-migrate a VM within the pool.
 */
public final class PoolApi {
    private final XapiClient client;
    private final AsyncCalls async;

    public PoolApi(XapiClient client) {
        this.client = client;
        this.async = new AsyncCalls(client);
    }

    public Map<Ref, HostRecord> hosts() {
        return allRecords("host", HostRecord::from);
    }

    public Map<Ref, HostMetricsRecord> hostMetrics() {
        return allRecords("host_metrics", HostMetricsRecord::from);
    }

    public Map<Ref, VmRecord> vms() {
        return allRecords("VM", VmRecord::from);
    }

    public Map<Ref, VmMetricsRecord> vmMetrics() {
        return allRecords("VM_metrics", VmMetricsRecord::from);
    }

    /** Live migration inside the pool ({@code live=true}), waiting for its task up to {@code limit}. */
    public TaskResult migrate(Ref vm, Ref host, Duration limit) {
        return async.run("VM.pool_migrate", limit, vm, host, Map.of("live", "true"));
    }

    private <T> Map<Ref, T> allRecords(String cls, BiFunction<Ref, JsonNode, T> reader) {
        JsonNode all = client.call(cls + ".get_all_records");
        Map<Ref, T> out = new LinkedHashMap<>();
        all.properties().forEach(e -> {
            Ref ref = new Ref(e.getKey());
            try {
                out.put(ref, reader.apply(ref, e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException(cls + " " + ref + ": " + ex.getMessage(), ex);
            }
        });
        return out;
    }
}
