package raypool.balancer.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.balancer.sim.Replay;
import raypool.balancer.sim.ReplayResult;
import raypool.balancer.sim.StepListener;
import raypool.balancer.trace.PlanetLabTrace;
import raypool.balancer.trace.TraceReader;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Replay one day of PlanetLab traces on 800 hosts under a policy; print a table, write JSON and plots.")
final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--trace-dir", required = true, description = "directory of trace files, one VM per file")
    Path traceDir;

    @Option(names = "--policy", defaultValue = Defaults.POLICY,
            description = "thr-mmt, iqr-mmt, mad-mmt, lr-mmt, xo-performance, wlb-performance, wlb-density, none (default: ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--rules", defaultValue = Defaults.RULES,
            description = "cloudsim (the reference experiment, quirks included) or raypool (default: ${DEFAULT-VALUE})")
    String rules;

    @Option(names = "--json", description = "write the result as JSON to this file")
    Path json;

    @Option(names = "--plots", description = "write PNG plots (active hosts, energy, overloaded hosts, migrations) here")
    Path plots;

    @Override
    public Integer call() throws Exception {
        PlanetLabTrace trace = TraceReader.read(traceDir);
        ReplayResult result;
        if (System.console() != null && System.console().isTerminal()) {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(policy + " " + rules).setInitialMax(288)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                    .build()) {
                result = Replay.run(trace, policy, rules, (step, total) -> {
                    bar.maxHint(total);
                    bar.stepTo(step);
                });
            }
        } else {
            result = Replay.run(trace, policy, rules, StepListener.NONE);
        }
        System.out.print(ResultTable.header());
        System.out.print(ResultTable.row(result));
        if (json != null) {
            AtomicFiles.writeString(json, ResultJson.write(ResultJson.toJson(result)));
        }
        if (plots != null) {
            Plots.write(plots, result);
        }
        return 0;
    }
}
