package raypool.balancer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raypool.balancer.model.Fleet;
import raypool.balancer.model.Snapshot;
import raypool.balancer.policy.PlacementStars;
import raypool.balancer.policy.WlbPlanner;
import raypool.balancer.policy.WlbSettings;
import raypool.balancer.sim.RaypoolRules;
import raypool.balancer.trace.InputException;
import raypool.balancer.trace.PlanetLabTrace;
import raypool.balancer.trace.TraceReader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** WLB's placement answer for one VM: stars per host, best first, and why the others score zero. */
@Command(name = "stars", mixinStandardHelpOptions = true, versionProvider = CliSupport.VersionProvider.class,
        description = "Score every host 0-5 stars for one VM of a PlanetLab day (after placement, at a step), with reasons for zeros.")
final class StarsCommand implements Callable<Integer> {
    /** The last step a placed snapshot can be taken at (step 0 is the placement itself). */
    private static final int LAST_STEP = PlanetLabTrace.SAMPLES - 1;

    @Option(names = "--trace-dir", paramLabel = "DIR", required = true,
            description = "PlanetLab day: a directory of trace files, one VM per file")
    Path traceDir;

    @Option(names = "--vm", paramLabel = "NAME", required = true, description = "trace file name of the VM to place")
    String vm;

    @Option(names = "--step", paramLabel = "K", defaultValue = "12",
            description = "5-minute step to look at, 1.." + LAST_STEP + " (default: ${DEFAULT-VALUE})")
    int step;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "DENSITY",
            description = "WLB optimisation mode: DENSITY or PERFORMANCE (default: ${DEFAULT-VALUE})")
    WlbSettings.Mode mode;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10",
            description = "how many of the best-scoring hosts to list, at least 1 (default: ${DEFAULT-VALUE})")
    int top;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (step < 1 || step > LAST_STEP) {
            throw bad("--step", "must be 1.." + LAST_STEP + " (a 5-minute step of the day), got " + step);
        }
        if (top < 1) {
            throw bad("--top", "must be at least 1, got " + top);
        }
        PrintWriter out = spec.commandLine().getOut();
        PlanetLabTrace trace = TraceReader.read(traceDir);
        int v = trace.names().indexOf(vm);
        if (v < 0) {
            throw new InputException("--vm: no trace file '" + vm + "' in " + traceDir);
        }
        WlbPlanner planner = new WlbPlanner("wlb-" + mode.name().toLowerCase(Locale.ROOT), WlbSettings.defaults(mode));
        Snapshot s = new RaypoolRules(trace, Fleet.referenceHosts(Fleet.REFERENCE_HOSTS), Fleet.referenceVms(trace.names()),
                planner, RaypoolRules.Physics.DEFAULT).placedSnapshotAt(step);
        List<PlacementStars.HostScore> scores = planner.stars(s, v);
        out.printf(Locale.ROOT, "VM %s (%.0f MIPS, %d MB) runs on host %d; %s stars at step %d:%n", vm,
                s.vm(v).mips(), s.vm(v).ramMb(), s.hostOf(v), mode, step);
        scores.stream().filter(x -> x.stars() > 0).sorted(Comparator.comparingDouble(PlacementStars.HostScore::stars).reversed())
                .limit(top).forEach(x -> out.printf(Locale.ROOT, "  host %4d  %.1f stars  (%s)%n", x.host(),
                        x.stars(), s.host(x.host()).model()));
        Map<String, Integer> zeroes = new TreeMap<>();
        scores.stream().filter(x -> x.stars() == 0).forEach(x ->
                zeroes.merge(x.zeroReason().orElse("?").replaceAll("[0-9]+", "N"), 1, Integer::sum));
        zeroes.forEach((reason, count) -> out.printf(Locale.ROOT, "  0 stars on %d hosts: %s%n", count, reason));
        out.flush();
        return 0;
    }

    private CommandLine.ParameterException bad(String option, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), "option " + option + ": " + message);
    }
}
