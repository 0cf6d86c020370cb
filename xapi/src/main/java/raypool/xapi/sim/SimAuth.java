package raypool.xapi.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * External authentication (Active Directory) of the simulated pool's hosts. pool.enable_external_auth
 * joins every host to the domain; a host reboot drops it on that host and nothing joins it again (the
 * original cloud's complaint). The domain accepts the one join account it was set up with.
 * Guarded by the pool's lock.
 */
final class SimAuth {
    /** What a host is joined to: the auth type ("AD") and the domain; both "" when it is not. */
    record Joined(String type, String domain) {
        static final Joined NONE = new Joined("", "");
    }

    private final Map<String, Joined> byHost = new LinkedHashMap<>();
    private String domain = "CORP.EXAMPLE";
    private String joinUser = "administrator";
    private String joinPassword = "join-secret";

    void addHost(SimHost h) {
        byHost.put(h.ref, Joined.NONE);
    }

    /** The directory the pool can join: its name and the account allowed to join machines. */
    void setDirectory(String name, String user, String password) {
        this.domain = name;
        this.joinUser = user;
        this.joinPassword = password;
    }

    void decorateHost(SimHost h, Map<String, Object> r) {
        Joined j = byHost.getOrDefault(h.ref, Joined.NONE);
        r.put("external_auth_type", j.type());
        r.put("external_auth_service_name", j.domain());
        r.put("external_auth_configuration", Map.of());
    }

    /** pool.enable_external_auth(pool, config, service_name, auth_type), xapi's checks in its order. */
    void enable(Map<String, String> config, String serviceName, String authType) {
        if (!authType.equals("AD")) {
            throw new SimError("AUTH_UNKNOWN_TYPE", authType);
        }
        if (byHost.values().stream().anyMatch(j -> !j.type().isEmpty())) {
            throw new SimError("AUTH_ALREADY_ENABLED");
        }
        if (!serviceName.equalsIgnoreCase(domain)) {
            throw new SimError("AUTH_ENABLE_FAILED_DOMAIN_LOOKUP_FAILED", "no domain controller for " + serviceName);
        }
        if (!joinUser.equalsIgnoreCase(config.getOrDefault("user", "")) || !joinPassword.equals(config.getOrDefault("pass", ""))) {
            throw new SimError("AUTH_ENABLE_FAILED_WRONG_CREDENTIALS", "the domain refused user "
                    + config.getOrDefault("user", ""));
        }
        byHost.replaceAll((h, j) -> new Joined("AD", domain));
    }

    /** pool.disable_external_auth(pool, config). */
    void disable() {
        if (byHost.values().stream().allMatch(j -> j.type().isEmpty())) {
            throw new SimError("AUTH_IS_DISABLED");
        }
        byHost.replaceAll((h, j) -> Joined.NONE);
    }

    /** What a reboot does to a host: it comes back without its domain membership. */
    void dropOnReboot(String hostRef) {
        byHost.put(hostRef, Joined.NONE);
    }

    /** For scenarios: the host is joined as if pool.enable_external_auth had run. */
    void join(String hostRef) {
        byHost.put(hostRef, new Joined("AD", domain));
    }
}
