package raypool.daemon.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import raypool.balancer.cli.CliSupport;
import raypool.daemon.DaemonConfig;
import raypool.daemon.DaemonMemory;
import raypool.daemon.PlanPreview;
import raypool.daemon.PoolState;
import raypool.daemon.PoolUnavailableException;
import raypool.daemon.RestartRecovery;
import raypool.daemon.RoundDecider;
import raypool.daemon.xapi.XapiMigrationCheck;
import raypool.daemon.xapi.XapiPoolReader;
import raypool.xapi.connect.CommandFailure;

/**
 * {@code scripts/balancer plan}: reads the pool once, prints the plan the daemon would apply now, each
 * move checked by the pool with {@code VM.assert_can_migrate}, and exits. Changes nothing and writes
 * nothing: the daemon's audit log, when there is one, is only read (for cooldowns and holds).
 */
@Command(name = "balancer plan", mixinStandardHelpOptions = true, versionProvider = CliSupport.VersionProvider.class,
        description = "Print the plan the balancer daemon would apply to a pool now, each move checked by the pool; change nothing.")
public final class PlanMain implements Callable<Integer> {
    /** History the one read asks for: two of the planner's 5-minute windows, so its hysteresis can hold. */
    static final long HISTORY_SECONDS = 600;

    @Mixin
    PoolOptions pool = new PoolOptions();

    @Option(names = "--policy", paramLabel = "NAME", description = "The balancer policy (default wlb-density).")
    Optional<String> policy = Optional.empty();

    @Option(names = "--config", paramLabel = "FILE", description = "The daemon's configuration file (key = value lines).")
    Optional<Path> configFile = Optional.empty();

    @Option(names = "--audit", paramLabel = "FILE",
            description = "The daemon's audit log, read for its cooldowns, holds and migrations in flight (default: the "
                    + "configuration's, if it exists).")
    Optional<Path> audit = Optional.empty();

    @Option(names = "--capacity", paramLabel = "FILE|DIR",
        description = "raybench results of the pool's hosts: each host's measured CPU capacity (see balancer daemon --help).")
    List<Path> capacity = new ArrayList<>();

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return DaemonMain.execute(new CommandLine(new PlanMain()), args, out, err);
    }

    @Override
    public Integer call() throws Exception {
        List<String[]> options = new ArrayList<>();
        policy.ifPresent(v -> options.add(new String[] {"policy", v}));
        audit.ifPresent(v -> options.add(new String[] {"audit", v.toString()}));
        if (!capacity.isEmpty()) {
            options.add(new String[] {"capacity", String.join(",", capacity.stream().map(Path::toString).toList())});
        }
        DaemonConfig config = DaemonMain.config(spec.commandLine(), pool.simulate, configFile, options);
        PrintWriter out = spec.commandLine().getOut();
        // with --simulate, what is printed about the simulated pool goes to stderr: stdout is the plan
        PrintWriter notes = json ? spec.commandLine().getErr() : out;
        // a simulated pool is shown 30 minutes into its surge, so that there is something to plan
        try (PoolConnection connection = PoolConnection.open(pool, spec.commandLine(), config, Optional.empty(),
                notes, java.time.Duration.ofMinutes(30))) {
            XapiPoolReader reader = new XapiPoolReader(connection.client, connection.simulated(),
                    (name, address) -> PoolConnection.memberTrust(config, name, address), HISTORY_SECONDS);
            PoolState state;
            try {
                state = reader.read();
            } catch (PoolUnavailableException e) {
                throw new CommandFailure(CommandFailure.POOL_REFUSED, "the pool could not be read: " + e.getMessage());
            }
            DaemonMemory memory = Files.exists(config.audit())
                    ? RestartRecovery.from(config.audit(), 0).memory() : DaemonMemory.EMPTY;
            PlanPreview.Result result = PlanPreview.of(config, state, memory, DaemonMain.holder(config));
            XapiMigrationCheck check = new XapiMigrationCheck(connection.client);
            List<Map<String, Object>> moves = new ArrayList<>();
            List<Map<String, Object>> skipped = new ArrayList<>();
            for (RoundDecider.Decision d : result.outcome().decisions()) {
                Map<String, Object> m = describe(d);
                if (d.applied() && d.proposal() instanceof RoundDecider.Migration mig) {
                    Optional<String> refusal = check.refusal(mig.vmKey(), mig.toKey());
                    m.put("check", refusal.map(r -> "refused: " + r).orElse("ok"));
                }
                (d.applied() ? moves : skipped).add(m);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("pool", connection.client.endpoint().toString());
            root.put("poolTime", Instant.ofEpochMilli(state.timeMillis()).toString());
            root.put("policy", config.policy());
            root.put("notes", result.notes());
            result.rejected().ifPresent(r -> root.put("planRejected", r));
            root.put("apply", moves);
            root.put("notApplied", skipped);
            if (json) {
                out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
            } else {
                print(out, root, moves, skipped);
            }
            out.flush();
            return 0;
        }
    }

    private static Map<String, Object> describe(RoundDecider.Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (d.proposal()) {
            case RoundDecider.Migration mig -> {
                m.put("action", "migrate");
                m.put("vm", mig.vmName());
                m.put("from", mig.fromName());
                m.put("to", mig.toName());
                m.put("severity", mig.severity().name());
            }
            case RoundDecider.PowerOff off -> {
                m.put("action", "power-off");
                m.put("host", off.hostName());
            }
            case RoundDecider.PowerOn on -> {
                m.put("action", "power-on");
                m.put("host", on.hostName());
            }
        }
        m.put("reason", d.proposal().reason());
        m.put("decision", d.verdict().text());
        return m;
    }

    private static void print(PrintWriter out, Map<String, Object> root, List<Map<String, Object>> moves,
                              List<Map<String, Object>> skipped) {
        out.println("plan for " + root.get("pool") + " at " + root.get("poolTime") + " (policy " + root.get("policy")
                + "): " + moves.size() + " action(s) the daemon would apply now");
        for (Object note : (List<?>) root.get("notes")) {
            out.println("  note: " + note);
        }
        if (root.containsKey("planRejected")) {
            out.println("  the checker refused the planner's plan: " + root.get("planRejected"));
        }
        for (Map<String, Object> m : moves) {
            out.println("  " + line(m) + (m.containsKey("check") ? "   [assert_can_migrate: " + m.get("check") + "]" : ""));
        }
        if (!skipped.isEmpty()) {
            out.println("not applied now:");
            for (Map<String, Object> m : skipped) {
                out.println("  " + line(m) + "   (" + m.get("decision") + ")");
            }
        }
    }

    private static String line(Map<String, Object> m) {
        return switch (String.valueOf(m.get("action"))) {
            case "migrate" -> String.format(Locale.ROOT, "%-16s %s -> %s: %s", m.get("vm"), m.get("from"), m.get("to"),
                    m.get("reason"));
            default -> m.get("action") + " " + m.get("host") + ": " + m.get("reason");
        };
    }
}
