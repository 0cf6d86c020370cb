package raypool.daemon.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import raypool.daemon.LeaseStore;
import raypool.daemon.PoolUnavailableException;
import raypool.xapi.client.Ref;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiTransportException;

/**
 * The lease in {@code pool.other_config}: xapi's add_to_other_config refuses a key that is there
 * (MAP_DUPLICATE_KEY), which is the test-and-set of {@link #create}; a replacement removes the key
 * first, then adds it.
 */
public final class XapiLeaseStore implements LeaseStore {
    private final XapiClient client;

    public XapiLeaseStore(XapiClient client) {
        this.client = client;
    }

    private Ref pool() {
        JsonNode all = client.call("pool.get_all");
        if (!all.isArray() || all.isEmpty()) {
            throw new PoolUnavailableException("pool.get_all returned no pool", null);
        }
        return new Ref(all.get(0).asText());
    }

    @Override
    public boolean create(String key, String value) {
        try {
            client.call("pool.add_to_other_config", pool(), key, value);
            return true;
        } catch (XapiError e) {
            if (e.code().equals("MAP_DUPLICATE_KEY")) {
                return false;
            }
            throw new PoolUnavailableException("writing " + key + " to pool.other_config: " + e.getMessage(), e);
        } catch (XapiTransportException e) {
            throw new PoolUnavailableException("writing " + key + " to pool.other_config: " + e.getMessage(), e);
        }
    }

    @Override
    public void put(String key, String value) {
        try {
            Ref pool = pool();
            client.call("pool.remove_from_other_config", pool, key);
            client.call("pool.add_to_other_config", pool, key, value);
        } catch (XapiError | XapiTransportException e) {
            throw new PoolUnavailableException("writing " + key + " to pool.other_config: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String key) {
        try {
            client.call("pool.remove_from_other_config", pool(), key);
        } catch (XapiError | XapiTransportException e) {
            throw new PoolUnavailableException("removing " + key + " from pool.other_config: " + e.getMessage(), e);
        }
    }
}
