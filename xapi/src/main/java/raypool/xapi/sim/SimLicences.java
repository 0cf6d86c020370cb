package raypool.xapi.sim;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Licences of the simulated pool's hosts, with xapi 6.1's rules: each host has an edition and an
 * expiry; once the expiry has passed, VM.start refuses with LICENSE_EXPIRED (xapi's
 * License_check.with_vm_license_check), the trap that keeps the licence server's own VM from starting.
 * host.apply_edition(host, "free") always works (a free licence for a year); a paid edition is checked
 * out from the licence server named in host.license_server, which answers only when it is up: a VM of
 * this pool whose address it is must be running, else LICENSE_CHECKOUT_ERROR.
 * Guarded by the pool's lock.
 */
final class SimLicences {
    /** Editions before 6.2, and the later ones the stand uses. */
    static final Set<String> EDITIONS = Set.of("free", "advanced", "enterprise", "enterprise-xd", "platinum", "premium",
            "standard");
    /** What a checked-out or free licence lasts. */
    static final Duration TERM = Duration.ofDays(365);
    /** The licence server's port (the FlexNet / v6d default). */
    static final String PORT = "27000";

    /** One host's licence. {@code expiryMillis} Long.MAX_VALUE: never. */
    static final class Licence {
        String edition;
        long expiryMillis;
        String serverAddress;

        Licence(String edition, long expiryMillis, String serverAddress) {
            this.edition = edition;
            this.expiryMillis = expiryMillis;
            this.serverAddress = serverAddress;
        }
    }

    private final Map<String, Licence> byHost = new LinkedHashMap<>();

    void addHost(SimHost h, String edition, long expiryMillis, String serverAddress) {
        byHost.put(h.ref, new Licence(edition, expiryMillis, serverAddress));
    }

    Licence of(String hostRef) {
        Licence l = byHost.get(hostRef);
        if (l == null) {
            throw new SimError("HANDLE_INVALID", "host", hostRef);
        }
        return l;
    }

    boolean expired(String hostRef, long nowMillis) {
        return of(hostRef).expiryMillis < nowMillis;
    }

    /** The host record's edition, license_params expiry and license_server, over what {@link Records#host} renders. */
    void decorateHost(SimHost h, Map<String, Object> r) {
        Licence l = of(h.ref);
        r.put("edition", l.edition);
        r.put("license_server", Map.of("address", l.serverAddress, "port", PORT));
    }

    /** license_params' expiry as xapi writes it, or "never". */
    String expiryText(String hostRef) {
        long e = of(hostRef).expiryMillis;
        return e == Long.MAX_VALUE ? "never" : raypool.xapi.client.Wire.formatDatetime(java.time.Instant.ofEpochMilli(e));
    }

    /**
     * host.apply_edition(host, edition[, force]). {@code serverUp}: whether the licence server answers
     * (empty when the address is no VM of the pool: a server elsewhere, taken as up).
     */
    void applyEdition(String hostRef, String edition, long nowMillis, Optional<Boolean> serverUp) {
        Licence l = of(hostRef);
        if (!EDITIONS.contains(edition)) {
            throw new SimError("INVALID_EDITION", edition);
        }
        if (!edition.equals("free") && !serverUp.orElse(true)) {
            throw new SimError("LICENSE_CHECKOUT_ERROR", "connection refused",
                    "the licence server " + l.serverAddress + ":" + PORT + " does not answer");
        }
        l.edition = edition;
        l.expiryMillis = nowMillis + TERM.toMillis();
    }
}
