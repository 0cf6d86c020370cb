package raypool.cloud.pool;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import raypool.cloud.report.Report;
import raypool.cloud.view.HostView;
import raypool.cloud.view.PoolView;

/** What {@code pool status} shows: the pool, its master, and each host's edition, licence and directory. */
public record PoolStatus(String pool, String uuid, String master, boolean haEnabled, boolean wlbEnabled,
                         String externalAuth, String licenceServer, List<Host> hosts) implements Report {

    /** @param expiry ISO-8601, or "never" */
    public record Host(String name, String uuid, String address, boolean master, boolean enabled, boolean live,
                       String edition, String expiry, String externalAuth, String productVersion) {
    }

    /** The status of {@code view} (pure). */
    public static PoolStatus of(PoolView view) {
        List<Host> hosts = view.hosts().stream().map(h -> new Host(h.name(), h.uuid(), h.address(),
                h.ref().equals(view.pool().master()), h.enabled(), h.live(), h.edition(),
                h.expiry().map(Instant::toString).orElse("never"), auth(h), h.productVersion())).toList();
        List<String> auths = hosts.stream().map(Host::externalAuth).distinct().toList();
        String auth = auths.size() == 1 ? auths.getFirst() : "mixed: " + String.join(", ", auths);
        return new PoolStatus(view.pool().name(), view.pool().uuid(), view.master().name(), view.pool().haEnabled(),
                view.pool().wlbEnabled(), auth, view.master().licenseServer(), hosts);
    }

    private static String auth(HostView h) {
        return h.externalAuth().isEmpty() ? "none" : h.externalAuth() + " " + h.externalAuthService();
    }

    @Override
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "pool %s (%s)%n  master %s; HA %s; WLB %s; external auth %s; licence server %s%n",
                pool, uuid, master, onOff(haEnabled), onOff(wlbEnabled), externalAuth, licenceServer));
        s.append(String.format(Locale.ROOT, "  %-10s %-15s %-8s %-5s %-10s %-21s %s%n", "HOST", "ADDRESS", "ENABLED", "LIVE",
                "EDITION", "EXPIRES", "AUTH"));
        for (Host h : hosts) {
            s.append(String.format(Locale.ROOT, "  %-10s %-15s %-8s %-5s %-10s %-21s %s%n", h.name() + (h.master() ? "*" : ""),
                    h.address(), h.enabled() ? "yes" : "no", h.live() ? "yes" : "no", h.edition(), h.expiry(),
                    h.externalAuth()));
        }
        return s.toString();
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
