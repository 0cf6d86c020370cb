package raypool.balancer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raypool.balancer.capacity.FleetFile;
import raypool.balancer.model.Fleet;
import raypool.balancer.model.HostSpec;
import raypool.balancer.sim.Replay;
import raypool.balancer.sim.ReplayResult;
import raypool.balancer.sim.StepListener;
import raypool.balancer.trace.InputException;
import raypool.balancer.trace.PlanetLabTrace;
import raypool.balancer.trace.TraceReader;
import raypool.files.AtomicFiles;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = CliSupport.VersionProvider.class,
        description = "Replay one day of PlanetLab traces under a policy, on the reference experiment's 800 hosts or a "
                + "measured fleet; print a table, write JSON and plots.")
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--trace-dir", paramLabel = "DIR", required = true,
            description = "PlanetLab day: a directory of trace files, one VM per file")
    Path traceDir;

    @Option(names = "--policy", paramLabel = "NAME", defaultValue = Defaults.POLICY,
            description = "thr-mmt, iqr-mmt, mad-mmt, lr-mmt, xo-performance, wlb-performance, wlb-density, none (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--rules", paramLabel = "RULES", defaultValue = Defaults.RULES,
            description = "cloudsim (the reference experiment, quirks included) or raypool (default: ${DEFAULT-VALUE})")
    String rules;

    @Option(names = "--fleet", paramLabel = "FILE",
            description = "hosts from a fleet file, JSON {\"groups\": [...]}: groups of name, count, raybench (a result "
                    + "file, relative to the fleet file), memory_gib and power_watts (default: the reference experiment's 800 hosts)")
    Path fleetFile;

    @Option(names = "--cpu-capacity", paramLabel = "HOW", defaultValue = "measured",
            description = "with --fleet, the CPU the planner is told each host has: measured (from its raybench result) "
                    + "or threads (every thread the same, as balancers that count threads assume); the simulated hosts "
                    + "always have their measured CPU (default: ${DEFAULT-VALUE})")
    FleetFile.Capacity cpuCapacity;

    @Option(names = "--json", paramLabel = "FILE", description = "write the result as JSON to this file")
    Path json;

    @Option(names = "--plots", paramLabel = "DIR", description = "write PNG plots (active hosts, energy, overloaded hosts, migrations) here")
    Path plots;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (fleetFile == null && cpuCapacity == FleetFile.Capacity.THREADS) {
            throw new InputException("--cpu-capacity threads: needs --fleet FILE (the reference hosts have no measured CPU)");
        }
        List<HostSpec> hosts = Fleet.referenceHosts(Fleet.REFERENCE_HOSTS);
        List<HostSpec> plannedAs = hosts;
        ObjectNode fleetJson = ResultJson.referenceFleet(hosts);
        if (fleetFile != null) {
            FleetFile.MeasuredFleet fleet = FleetFile.read(fleetFile);
            hosts = fleet.hosts();
            plannedAs = fleet.hosts(cpuCapacity);
            fleetJson = ResultJson.measuredFleet(fleet, cpuCapacity);
        }
        List<HostSpec> real = hosts;
        List<HostSpec> planned = plannedAs;
        PlanetLabTrace trace = TraceReader.read(traceDir);
        ReplayResult result;
        if (System.console() != null && System.console().isTerminal()) {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(policy + " " + rules).setInitialMax(288)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .build()) {
                result = Replay.run(trace, real, planned, policy, rules, (step, total) -> {
                    bar.maxHint(total);
                    bar.stepTo(step);
                });
            }
        } else {
            result = Replay.run(trace, real, planned, policy, rules, StepListener.NONE);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(ResultTable.header());
        out.print(ResultTable.row(result));
        out.print(summary(result, ResultJson.toJson(result, fleetJson, real).path("fleet")));
        out.flush();
        if (json != null) {
            try {
                AtomicFiles.writeString(json, ResultJson.write(ResultJson.toJson(result, fleetJson, real)));
            } catch (IOException e) {
                throw new InputException("--json: cannot write " + json + ": " + CliSupport.describe(e));
            }
        }
        if (plots != null) {
            try {
                Plots.write(plots, result);
            } catch (IOException e) {
                throw new InputException("--plots: cannot write plots to " + plots + ": " + CliSupport.describe(e));
            }
        }
        return 0;
    }

    /** The fleet, the energy bound and the hosts over capacity, under the table. */
    private static String summary(ReplayResult r, JsonNode fleet) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%nfleet: %s, CPU capacity %s%n", fleet.path("source").asText(),
                fleet.path("cpu_capacity").asText()));
        for (var g : fleet.path("groups")) {
            s.append(String.format(Locale.ROOT, "  %-24s %4d hosts x %d thread%s x %.0f MIPS%s, %.0f GiB%s; %.1f host-hours on%n",
                    g.path("name").asText(), g.path("count").asInt(), g.path("threads").asInt(),
                    g.path("threads").asInt() == 1 ? "" : "s",
                    g.path("mips_per_thread").asDouble(),
                    g.has("planned_mips_per_thread") && g.path("planned_mips_per_thread").asDouble() != g.path("mips_per_thread").asDouble()
                            ? String.format(Locale.ROOT, " (planned as %.0f)", g.path("planned_mips_per_thread").asDouble()) : "",
                    g.path("memory_gib").asDouble(),
                    g.has("raybench") ? String.format(Locale.ROOT, ", %s (%.2f frames/s per thread, %s)", g.path("raybench").asText(),
                            g.path("frames_per_s_per_thread").asDouble(), g.path("cpu_model").asText()) : "",
                    g.path("host_hours_on").asDouble()));
        }
        s.append(String.format(Locale.ROOT, "energy lower bound: %.2f kWh; this policy used %s%n", r.energyLowerBoundKwh(),
                r.energyVsBound().isPresent() ? String.format(Locale.ROOT, "%.3f x the bound", r.energyVsBound().getAsDouble())
                        : "energy with no demand to bound"));
        s.append(String.format(Locale.ROOT, "hosts asked for more CPU than they have: %d (%.2f host-hours)%n",
                r.hostsOverCapacity(), r.hostHoursOverCapacity()));
        return s.toString();
    }
}
