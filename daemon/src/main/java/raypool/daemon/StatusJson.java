package raypool.daemon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import raypool.balancer.model.Snapshot;

/**
 * The status endpoint's JSON: the latest round's hosts (state, threads, CPU, memory, VM count),
 * proposals with their decisions, migrations in flight and the recent ones, the lease. Names, figures
 * and decisions only: no key of the pool's, no session, no credential.
 */
public final class StatusJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StatusJson() {
    }

    /** What the latest round saw and decided. */
    public record View(long round, DaemonConfig config, Optional<SnapshotBuilder.Built> built,
                       List<RoundDecider.Decision> decisions, DaemonMemory memory, List<Map<String, Object>> recent,
                       String state) {
    }

    public static String render(View v) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("round", v.round());
        root.put("mode", v.config().mode().name().toLowerCase(Locale.ROOT));
        root.put("policy", v.config().policy());
        root.put("state", v.state());
        v.built().ifPresent(built -> {
            Snapshot s = built.snapshot();
            root.put("poolTime", Instant.ofEpochMilli(built.state().timeMillis()).toString());
            List<Map<String, Object>> hosts = new ArrayList<>();
            for (int h = 0; h < s.hostCount(); h++) {
                SnapshotBuilder.HostView host = built.hosts().get(h);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", host.host().name());
                m.put("state", s.hostState(h).name().toLowerCase(Locale.ROOT));
                m.put("master", host.master());
                m.put("threads", host.host().threads());
                m.put("dom0Threads", Math.round(100 * host.dom0Threads()) / 100.0);
                m.put("cpu", Math.round(1000 * s.hostUtilization(h)) / 1000.0);
                m.put("memoryUsedMb", s.memoryUsedMb(h));
                m.put("memoryMb", s.host(h).ramMb());
                m.put("vms", s.vmsOnHostCount(h));
                host.unknown().ifPresent(why -> m.put("metricsUnknown", why));
                host.excluded().ifPresent(why -> m.put("excluded", why));
                host.daemonPhase().ifPresent(p -> m.put("powerByDaemon", p.name().toLowerCase(Locale.ROOT)));
                var capacity = built.capacities().of(host.host().key());
                m.put("threadMips", Math.round(capacity.threadMips()));
                m.put("capacity", capacity.source().map(f -> "measured: " + f.getFileName() + " (by "
                    + capacity.matchedBy().orElse("?") + ")").orElse("fallback: no raybench result for this host"));
                hosts.add(m);
            }
            root.put("hosts", hosts);
        });
        List<Map<String, Object>> proposals = new ArrayList<>();
        for (RoundDecider.Decision d : v.decisions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            switch (d.proposal()) {
                case RoundDecider.Migration mig -> {
                    m.put("vm", mig.vmName());
                    m.put("from", mig.fromName());
                    m.put("to", mig.toName());
                    m.put("severity", mig.severity().name());
                }
                case RoundDecider.PowerOff off -> {
                    m.put("action", DaemonMemory.POWER_OFF);
                    m.put("host", off.hostName());
                }
                case RoundDecider.PowerOn on -> {
                    m.put("action", DaemonMemory.POWER_ON);
                    m.put("host", on.hostName());
                }
            }
            m.put("reason", d.proposal().reason());
            m.put("streak", d.streak());
            m.put("repeatRounds", v.config().repeatRounds());
            m.put("decision", d.verdict().text());
            proposals.add(m);
        }
        root.put("recommendations", proposals);
        List<Map<String, Object>> flying = new ArrayList<>();
        for (DaemonMemory.InFlight f : v.memory().inFlight().values()) {
            flying.add(Map.of("vm", f.vmName(), "from", f.fromName(), "to", f.toName(), "reason", f.reason(),
                    "started", Instant.ofEpochMilli(f.startedMillis()).toString()));
        }
        root.put("inFlight", flying);
        root.put("recentMigrations", v.recent());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            return "{\"error\":\"status could not be rendered\"}";
        }
    }
}
