package raypool.balancer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.PowerModel;
import raypool.balancer.model.Snapshot;
import raypool.balancer.model.VmSpec;
import raypool.balancer.plan.Plan;
import raypool.balancer.plan.Planner;
import raypool.balancer.policy.Policies;
import raypool.balancer.sim.RaypoolRules;
import raypool.balancer.sim.Replay;
import raypool.balancer.sim.ReplayResult;
import raypool.balancer.sim.StepListener;
import raypool.balancer.trace.PlanetLabTrace;
import raypool.balancer.trace.SyntheticTraces;
import raypool.balancer.trace.TraceReader;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * Times whole simulated days of a PlanetLab day (both rule sets, five runs each) and planning rounds on
 * synthetic pools of given sizes (after warm-up, in this JVM). Figures are medians of many rounds; the
 * machine is shared, so expect noise and read the p99 with it. The day is not optional: the traces live
 * outside the repository, so there is no default to fall back on.
 */
@Command(name = "speed", mixinStandardHelpOptions = true, versionProvider = CliSupport.VersionProvider.class,
        description = {"Time a simulated PlanetLab day (--trace-dir; both rule sets, 5 runs each) and one planning round "
                + "on synthetic pools (--sizes: 800 hosts / 1,500 VMs and 10,000 hosts / 100,000 VMs)."})
final class SpeedCommand implements Callable<Integer> {
    @Option(names = "--trace-dir", paramLabel = "DIR", required = true,
            description = "PlanetLab day to simulate: a directory of trace files, one VM per file")
    Path traceDir;

    @Option(names = "--policy", paramLabel = "NAME", defaultValue = Defaults.POLICY,
            description = "planner to time (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--sizes", paramLabel = "HOSTSxVMS", split = ",", defaultValue = "800x1500,10000x100000",
            description = "synthetic pools to time one planning round on (default: ${DEFAULT-VALUE})")
    List<String> sizes;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "40",
            description = "timed rounds per size, at least 1 (default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "100",
            description = "untimed rounds first, for the JIT (default: ${DEFAULT-VALUE})")
    int warmup;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        if (rounds < 1) {
            throw bad("--rounds", "must be at least 1, got " + rounds);
        }
        if (warmup < 0) {
            throw bad("--warmup", "must be 0 or more, got " + warmup);
        }
        List<int[]> pools = new ArrayList<>();
        for (String size : sizes) {
            pools.add(parseSize(size));
        }
        Policies.create(policy); // an unknown name is refused before any work
        PlanetLabTrace trace = TraceReader.read(traceDir);
        for (int[] pool : pools) {
            timeRounds(pool[0], pool[1]);
        }
        for (String rules : Replay.RULES) {
            double[] walls = new double[5];
            for (int i = 0; i < walls.length; i++) {
                ReplayResult r = Replay.run(trace, policy, rules, StepListener.NONE);
                walls[i] = r.wallS();
            }
            double[] sorted = walls.clone();
            Arrays.sort(sorted);
            out.printf(Locale.ROOT, "day %s, rules %s, %s: wall per simulated day, 5 runs: first %.3f s, median %.3f s%n",
                    traceDir.getFileName(), rules, policy, walls[0], sorted[2]);
            out.flush();
        }
        return 0;
    }

    /** "800x1500" as {800, 1500}; both at least 1. */
    private int[] parseSize(String size) {
        String[] parts = size.strip().split("x", -1);
        try {
            if (parts.length == 2) {
                int hosts = Integer.parseInt(parts[0]);
                int vms = Integer.parseInt(parts[1]);
                if (hosts >= 1 && vms >= 1) {
                    return new int[] {hosts, vms};
                }
            }
        } catch (NumberFormatException notANumber) {
            // reported below, with the other malformed sizes
        }
        throw bad("--sizes", "expected HOSTSxVMS with both at least 1 (e.g. 800x1500), got '" + size + "'");
    }

    private CommandLine.ParameterException bad(String option, String message) {
        return new CommandLine.ParameterException(spec.commandLine(), "option " + option + ": " + message);
    }

    /** A pool shaped like the reference (G4/G5 alternating) with VMs small enough to fit ten to a host. */
    private void timeRounds(int hostCount, int vmCount) {
        List<HostSpec> hosts = new ArrayList<>(hostCount);
        for (int h = 0; h < hostCount; h++) {
            boolean g4 = h % 2 == 0;
            hosts.add(new HostSpec(h, g4 ? "G4" : "G5", 2, g4 ? 1860 : 2660, 4096, 1000, g4 ? PowerModel.G4 : PowerModel.G5));
        }
        int perHost = Math.max(1, (vmCount + hostCount - 1) / hostCount);
        int ram = Math.max(64, 3400 / perHost);
        List<VmSpec> vms = new ArrayList<>(vmCount);
        for (int v = 0; v < vmCount; v++) {
            vms.add(VmSpec.plain(v, "vm" + v, new double[] {1500, 1000, 500, 250}[v % 4] / Math.max(1, perHost / 2.0), ram));
        }
        PlanetLabTrace trace = SyntheticTraces.generate(vmCount, 7);
        Planner planner = Policies.create(policy);
        Snapshot snapshot = new RaypoolRules(trace, hosts, vms, planner, RaypoolRules.Physics.DEFAULT).placedSnapshotAt(100);
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += planner.optimize(snapshot).actions().size();
        }
        long[] nanos = new long[rounds];
        Plan last = Plan.EMPTY;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            last = planner.optimize(snapshot);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "%s: %d hosts, %d VMs: one planning round median %.3f ms, p99 %.3f ms, max %.3f ms "
                        + "(%d rounds after warm-up; %d actions planned)%n", policy, hostCount, vmCount,
                nanos[rounds / 2] / 1e6, nanos[(int) Math.ceil(rounds * 0.99) - 1] / 1e6, nanos[rounds - 1] / 1e6, rounds,
                last.actions().size() + (sink == Long.MIN_VALUE ? 1 : 0));
        out.flush();
    }
}
