package raypool.balancer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.balancer.model.Fleet;
import raypool.balancer.model.Snapshot;
import raypool.balancer.policy.PlacementStars;
import raypool.balancer.policy.WlbPlanner;
import raypool.balancer.policy.WlbSettings;
import raypool.balancer.sim.RaypoolRules;
import raypool.balancer.trace.InputException;
import raypool.balancer.trace.PlanetLabTrace;
import raypool.balancer.trace.TraceReader;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** WLB's placement answer for one VM: stars per host, best first, and why the others score zero. */
@Command(name = "stars", mixinStandardHelpOptions = true,
        description = "Score every host 0-5 stars for one VM of a PlanetLab day (after placement, at a step), with reasons for zeros.")
final class StarsCommand implements Callable<Integer> {
    @Option(names = "--trace-dir", required = true)
    Path traceDir;

    @Option(names = "--vm", required = true, description = "trace file name of the VM")
    String vm;

    @Option(names = "--step", defaultValue = "12", description = "5-minute step to look at (default: ${DEFAULT-VALUE})")
    int step;

    @Option(names = "--mode", defaultValue = "DENSITY", description = "DENSITY or PERFORMANCE (default: ${DEFAULT-VALUE})")
    WlbSettings.Mode mode;

    @Option(names = "--top", defaultValue = "10")
    int top;

    @Override
    public Integer call() {
        PlanetLabTrace trace = TraceReader.read(traceDir);
        int v = trace.names().indexOf(vm);
        if (v < 0) {
            throw new InputException("--vm: no trace file '" + vm + "' in " + traceDir);
        }
        WlbPlanner planner = new WlbPlanner("wlb-" + mode.name().toLowerCase(Locale.ROOT), WlbSettings.defaults(mode));
        Snapshot s = new RaypoolRules(trace, Fleet.referenceHosts(Fleet.REFERENCE_HOSTS), Fleet.referenceVms(trace.names()),
                planner, RaypoolRules.Physics.DEFAULT).placedSnapshotAt(step);
        List<PlacementStars.HostScore> scores = planner.stars(s, v);
        System.out.printf(Locale.ROOT, "VM %s (%.0f MIPS, %d MB) runs on host %d; %s stars at step %d:%n", vm,
                s.vm(v).mips(), s.vm(v).ramMb(), s.hostOf(v), mode, step);
        scores.stream().filter(x -> x.stars() > 0).sorted(Comparator.comparingDouble(PlacementStars.HostScore::stars).reversed())
                .limit(top).forEach(x -> System.out.printf(Locale.ROOT, "  host %4d  %.1f stars  (%s)%n", x.host(),
                        x.stars(), s.host(x.host()).model()));
        Map<String, Integer> zeroes = new TreeMap<>();
        scores.stream().filter(x -> x.stars() == 0).forEach(x ->
                zeroes.merge(x.zeroReason().orElse("?").replaceAll("[0-9]+", "N"), 1, Integer::sum));
        zeroes.forEach((reason, count) -> System.out.printf(Locale.ROOT, "  0 stars on %d hosts: %s%n", count, reason));
        return 0;
    }
}
