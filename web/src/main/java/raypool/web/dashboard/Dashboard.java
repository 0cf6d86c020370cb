package raypool.web.dashboard;

import java.time.Instant;
import java.util.List;

/** Everything the administrators' dashboard shows, read at {@code at}. */
public record Dashboard(Instant at, List<HostRow> hosts, List<Recommendation> recommendations, List<String> planNotes,
                        List<MigrationRow> migrations, List<AuditRow> audit, List<LicenceRow> licences,
                        List<NetworkRow> networks) {

    public static final Dashboard EMPTY = new Dashboard(Instant.EPOCH, List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of());

    /** A host now (CPU and memory as fractions, network in Mbit/s) and its CPU over the last hours. */
    public record HostRow(String name, boolean live, boolean enabled, double cpu, double memory, double networkMbps,
                          Chart cpuHistory, Chart memoryHistory) {
    }

    /** A move the balancer would make, with WLB-style stars (5 = most urgent) and its reason. */
    public record Recommendation(String vm, String from, String to, int stars, String reason, String verdict) {
    }

    /** A migration: running (with progress) or finished recently. */
    public record MigrationRow(String vm, String from, String to, String state, String when) {
    }

    /** A change made through this service. */
    public record AuditRow(String when, String user, String vm, String action, String result) {
    }

    public record LicenceRow(String host, String edition, String expiry, String finding) {
    }

    public record NetworkRow(String name, String bridge, int pifs, List<String> tunnels, String policy) {
    }
}
