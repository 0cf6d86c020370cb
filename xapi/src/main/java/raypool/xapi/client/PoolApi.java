package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The typed calls a balancer needs, on top of {@link XapiClient}: read the pool's hosts and VMs with
 * their metrics objects, check and live-migrate a VM within the pool, keep shared state in the pool's
 * other_config, power a host on. XAPI's errors arrive as {@link XapiError}s; those without a type of
 * their own (MAP_DUPLICATE_KEY, HOST_NOT_ENOUGH_FREE_MEMORY, HOST_IS_LIVE, ...) as
 * {@link XapiError.Other}, whose {@code code()} names them.
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

    /** The pool object (a pool has exactly one). */
    public PoolRecord pool() {
        return allRecords("pool", PoolRecord::from).values().iterator().next();
    }

    /**
     * pool.add_to_other_config: refused with MAP_DUPLICATE_KEY when the key is there, which makes it a
     * test-and-set (of two clients adding one key, one wins).
     */
    public void addToPoolOtherConfig(String key, String value) {
        client.call("pool.add_to_other_config", pool().ref(), key, value);
    }

    /** pool.remove_from_other_config: no error when the key is not there. */
    public void removeFromPoolOtherConfig(String key) {
        client.call("pool.remove_from_other_config", pool().ref(), key);
    }

    /**
     * The checks VM.pool_migrate makes, without migrating: host.migrate_receive on the host's management
     * network, then VM.assert_can_migrate (live, no storage or network mapping). Throws the error the
     * migration would fail with (HOST_NOT_ENOUGH_FREE_MEMORY, VM_BAD_POWER_STATE, HOST_OFFLINE, ...).
     */
    public void assertCanMigrate(Ref vm, Ref host) {
        Ref pif = new Ref(client.call("host.get_management_interface", host).asText());
        Ref network = new Ref(client.call("PIF.get_network", pif).asText());
        JsonNode dest = client.call("host.migrate_receive", host, network, Map.of());
        client.call("VM.assert_can_migrate", vm, dest, true, Map.of(), Map.of(), Map.of("live", "true"), Map.of());
    }

    /** host.power_on: returns once the host is told to start; it is live and enabled after it boots. */
    public void powerOn(Ref host) {
        client.call("host.power_on", host);
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
