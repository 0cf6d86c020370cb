package raypool.xapi.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiSettings;
import raypool.xapi.client.XapiTransportException;

/**
 * The pool's name, its storage, and hosts joining and leaving. pool.join runs on the joining host's
 * own pool (of one), with xapi's checks in its order (xapi_pool.ml pre_join_checks): HA, other hosts,
 * running VMs, shared SRs, tunnels; then it logs in to the master as xapi does and checks external
 * authentication, product version and licence against the master's; then the master records the new
 * host (xapi's internal host.create; here a call of the same name). pool.eject never takes the master
 * nor a host with VMs running. Callers hold the pool's lock, except pool.join, which must not hold it
 * while it talks to the master.
 */
final class SimMembership {
    /** The shared SR every stand's hosts have (pool.default_SR names it). */
    static final String SHARED_SR = "OpaqueRef:shared-sr";

    private final SimPool pool;
    private String name = "raypool simulated pool";
    private boolean sharedStorage = true;
    private Optional<String> joinedTo = Optional.empty();

    SimMembership(SimPool pool) {
        this.pool = pool;
    }

    String name() {
        return name;
    }

    void setName(String n) {
        this.name = n;
    }

    /** A host of its own has only local storage until an administrator attaches a shared SR. */
    void setSharedStorage(boolean shared) {
        this.sharedStorage = shared;
    }

    Optional<String> joinedTo() {
        return joinedTo;
    }

    void decoratePool(Map<String, Object> r) {
        r.put("name_label", name);
        r.put("default_SR", sharedStorage ? SHARED_SR : localSr(pool.masterRef()));
    }

    static String localSr(String hostRef) {
        return "OpaqueRef:local-sr-of-" + hostRef;
    }

    List<String> srRefs() {
        List<String> out = new java.util.ArrayList<>();
        if (sharedStorage) {
            out.add(SHARED_SR);
        }
        pool.hostList().forEach(h -> out.add(localSr(h.ref)));
        return out;
    }

    Optional<Map<String, Object>> sr(String ref) {
        if (sharedStorage && ref.equals(SHARED_SR)) {
            return Optional.of(srRecord("00000000-5ba5-4ed0-9a2e-000000000001", "Shared storage", "nfs", true));
        }
        return pool.hostList().stream().filter(h -> localSr(h.ref).equals(ref)).findFirst()
                .map(h -> srRecord(h.uuid.substring(0, 24) + "10ca15000000", "Local storage on " + h.name, "lvm", false));
    }

    static Map<String, Object> srRecord(String uuid, String label, String type, boolean shared) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", uuid);
        r.put("name_label", label);
        r.put("name_description", "");
        r.put("type", type);
        r.put("content_type", "user");
        r.put("shared", shared);
        r.put("other_config", Map.of());
        return r;
    }

    /** The checks xapi makes on the joining host before it contacts the master. Under the lock. */
    void localJoinChecks() {
        if (pool.hostList().size() > 1) {
            throw new SimError("JOINING_HOST_CANNOT_BE_MASTER_OF_OTHER_HOSTS");
        }
        Optional<SimVm> running = pool.vmList().stream().filter(v -> !v.controlDomain && v.running()).findFirst();
        if (running.isPresent()) {
            throw new SimError("JOINING_HOST_CANNOT_HAVE_RUNNING_VMS");
        }
        if (sharedStorage) {
            throw new SimError("JOINING_HOST_CANNOT_CONTAIN_SHARED_SRS");
        }
        if (!pool.networks.refs("tunnel").isEmpty()) {
            throw new SimError("POOL_JOINING_HOST_HAS_TUNNELS");
        }
        if (joinedTo.isPresent()) {
            throw new SimError("OPERATION_NOT_ALLOWED", "this host has joined the pool of " + joinedTo.get() + " already");
        }
    }

    /** pool.join: {@code masterAddress} is "host:port" for the simulated pools, which all listen on 127.0.0.1. */
    void join(String masterAddress, String user, String password) {
        pool.write(() -> {
            localJoinChecks();
            return null;
        });
        URI master = URI.create("http://" + masterAddress + "/");
        try (XapiClient c = XapiClient.login(XapiSettings.of(master, user, password))) {
            SimHost me = pool.hostList().getFirst();
            Map<String, Object> mine = pool.read(() -> pool.record("host", me.ref).orElseThrow());
            for (JsonNode h : c.call("host.get_all_records")) {
                if (!h.path("external_auth_type").asText("").equals(String.valueOf(mine.get("external_auth_type")))
                        || !h.path("external_auth_service_name").asText("").equals(String.valueOf(mine.get("external_auth_service_name")))) {
                    throw new SimError("POOL_JOINING_EXTERNAL_AUTH_MISMATCH");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> sw = (Map<String, Object>) mine.get("software_version");
                if (!h.path("software_version").path("product_version").asText().equals(String.valueOf(sw.get("product_version")))) {
                    throw new SimError("POOL_JOINING_HOST_MUST_HAVE_SAME_PRODUCT_VERSION");
                }
                if (!h.path("edition").asText().equals(String.valueOf(mine.get("edition")))) {
                    throw new SimError("LICENSE_HOST_POOL_MISMATCH");
                }
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("uuid", me.uuid);
            record.put("name_label", me.name);
            record.put("address", me.address);
            record.put("edition", mine.get("edition"));
            c.call("host.create", record);
            joinedTo = Optional.of(masterAddress);
        } catch (XapiError e) {
            throw new SimError(e.code(), e.params());
        } catch (XapiTransportException e) {
            throw new SimError("POOL_JOINING_HOST_CONNECTION_FAILED", masterAddress);
        }
    }

    /** The master's side of a join (xapi's internal host.create): a new member with its control domain and PIF. */
    String adopt(Map<String, String> record) {
        return pool.addMember(record.getOrDefault("uuid", ""), record.getOrDefault("name_label", "joined-host"),
                record.getOrDefault("address", "127.0.0.1"), record.getOrDefault("edition", "premium"));
    }

    /** pool.eject(host). */
    void eject(String hostRef) {
        SimHost h = pool.requireHost(hostRef);
        if (hostRef.equals(pool.masterRef())) {
            throw new SimError("OPERATION_NOT_ALLOWED", "the master cannot be ejected; designate a new master first");
        }
        Optional<String> guest = h.residentVms.stream().filter(v -> !pool.requireVm(v).controlDomain).findFirst();
        if (guest.isPresent()) {
            throw new SimError("HOST_HAS_RESIDENT_VMS", hostRef);
        }
        pool.removeMember(hostRef);
    }
}
