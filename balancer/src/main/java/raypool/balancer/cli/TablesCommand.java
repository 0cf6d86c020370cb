package raypool.balancer.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raypool.balancer.policy.Policies;
import raypool.balancer.sim.ReferenceFigures;
import raypool.balancer.sim.Replay;
import raypool.balancer.sim.ReplayResult;
import raypool.balancer.sim.StepListener;
import raypool.balancer.trace.InputException;
import raypool.balancer.trace.PlanetLabTrace;
import raypool.balancer.trace.TraceReader;
import raypool.files.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** Replays every policy on every day under both rule sets and writes the result tables. */
@Command(name = "tables", mixinStandardHelpOptions = true, versionProvider = CliSupport.VersionProvider.class,
        description = "Run all policies x days x rule sets; write tables.md and runs.json (and plots) to --out.")
final class TablesCommand implements Callable<Integer> {
    @Option(names = "--planetlab", paramLabel = "DIR", defaultValue = Defaults.PLANETLAB_DIR,
            description = "directory of PlanetLab days (default: ${DEFAULT-VALUE})")
    Path planetlab;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = Defaults.RESULTS_DIR, description = "output directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--policies", paramLabel = "NAME", split = ",", description = "policies to run (default: all)")
    List<String> policies = Policies.NAMES;

    @Option(names = "--rules", paramLabel = "RULES", split = ",", description = "rule sets (default: cloudsim,raypool)")
    List<String> rules = Replay.RULES;

    @Option(names = "--plots-day", paramLabel = "DAY", description = "also draw plots of every policy on this day (e.g. 20110303)")
    String plotsDay;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        for (String policy : policies) {
            Policies.create(policy); // unknown names are refused before hours of replay, not after
        }
        for (String rule : rules) {
            if (!Replay.RULES.contains(rule)) {
                throw new InputException("--rules: unknown rule set '" + rule + "'; choose from " + Replay.RULES);
            }
        }
        List<Path> days;
        if (!Files.isDirectory(planetlab)) {
            throw new InputException(planetlab, "not a directory of PlanetLab days");
        }
        try (Stream<Path> listing = Files.list(planetlab)) {
            days = listing.filter(Files::isDirectory).sorted().toList();
        }
        if (days.isEmpty()) {
            throw new InputException(planetlab, "no day directories");
        }
        Map<String, ReplayResult> results = new LinkedHashMap<>();
        ArrayNode json = JsonNodeFactory.instance.arrayNode();
        for (Path dayDir : days) {
            PlanetLabTrace trace = TraceReader.read(dayDir);
            String day = dayDir.getFileName().toString();
            for (String rule : rules) {
                for (String policy : policies) {
                    ReplayResult r = Replay.run(trace, policy, rule, StepListener.NONE);
                    results.put(key(day, rule, policy), r);
                    json.add(ResultJson.toJson(r));
                    System.err.printf(Locale.ROOT, "%s %s %s: %.2f kWh, %d migrations, SLATAH %.2f%%, %.2f s%n",
                            day, rule, policy, r.energyKwh(), r.migrations(), 100 * r.slatah(), r.wallS());
                    if (day.equals(plotsDay)) {
                        Plots.write(out.resolve("plots"), r);
                    }
                }
            }
        }
        try {
            Files.createDirectories(out);
            AtomicFiles.writeString(out.resolve("runs.json"), ResultJson.write(json));
            AtomicFiles.writeString(out.resolve("tables.md"), render(days, results));
        } catch (IOException e) {
            throw new InputException("--out: cannot write to " + out + ": " + CliSupport.describe(e));
        }
        spec.commandLine().getOut().print(render(days, results));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static String key(String day, String rule, String policy) {
        return day + "/" + rule + "/" + policy;
    }

    private String render(List<Path> days, Map<String, ReplayResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("<!-- written by ./scripts/balancer tables; do not edit by hand -->\n\n");
        md.append("## Fidelity: `--rules cloudsim` against the reference code (CloudSim 3.0.3)\n\n");
        md.append("Bounds: energy within 5 %, migrations within 10 %, SLATAH within 1 point.\n\n");
        md.append("| day | policy | kWh (ref) | migrations (ref) | SLATAH (ref) | within bounds |\n|---|---|---|---|---|---|\n");
        for (Path dayDir : days) {
            String day = dayDir.getFileName().toString();
            for (String policy : Policies.BASELINES) {
                ReplayResult r = results.get(key(day, "cloudsim", policy));
                var ref = ReferenceFigures.of(day, policy);
                if (r == null || ref.isEmpty()) {
                    continue;
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %.2f (%.2f) | %d (%d) | %.2f%% (%.2f%%) | %s |%n", day,
                        policy, r.energyKwh(), ref.get().energyKwh(), r.migrations(), ref.get().migrations(),
                        100 * r.slatah(), 100 * ref.get().slatah(), ReferenceFigures.faithful(ref.get(), r) ? "yes" : "**no**"));
            }
        }
        md.append("\n## wlb-density against the baselines\n\n");
        md.append("Targets per day and rule set: energy <= 1.05 x THR-MMT-0.8's, SLATAH <= 1 %, migrations <= 1/10 of "
                + "THR-MMT-0.8's, ESV <= 1/10 of the best baseline's.\n\n");
        md.append("| rules | day | energy / THR | SLATAH | migrations / THR | ESV / best baseline ESV | all met |\n|---|---|---|---|---|---|---|\n");
        for (String rule : rules) {
            for (Path dayDir : days) {
                String day = dayDir.getFileName().toString();
                ReplayResult wlb = results.get(key(day, rule, "wlb-density"));
                ReplayResult thr = results.get(key(day, rule, "thr-mmt"));
                if (wlb == null || thr == null) {
                    continue;
                }
                double bestEsv = Double.MAX_VALUE;
                for (String b : Policies.BASELINES) {
                    ReplayResult r = results.get(key(day, rule, b));
                    if (r != null) {
                        bestEsv = Math.min(bestEsv, r.esv());
                    }
                }
                double energyRatio = wlb.energyKwh() / thr.energyKwh();
                double migrationRatio = wlb.migrations() / (double) Math.max(1, thr.migrations());
                double esvRatio = bestEsv == 0 ? (wlb.esv() == 0 ? 0 : Double.POSITIVE_INFINITY) : wlb.esv() / bestEsv;
                boolean met = energyRatio <= 1.05 && wlb.slatah() <= 0.01 && migrationRatio <= 0.1 && esvRatio <= 0.1;
                md.append(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f%% | %.4f (%d / %d) | %.2e (%.3g / %.3g) | %s |%n",
                        rule, day, energyRatio, 100 * wlb.slatah(), migrationRatio, wlb.migrations(), thr.migrations(),
                        esvRatio, wlb.esv(), bestEsv, met ? "yes" : "**no**"));
            }
        }
        md.append("\n## Every policy, day and rule set\n\n");
        md.append("SLATAH, PDM and SLAV in %, ESV = kWh x SLAV (as a fraction). "
            + "Decision = planner time per 5-minute round, the independent re-check included.\n\n");
        md.append(ResultTable.header());
        List<ReplayResult> ordered = new ArrayList<>(results.values());
        for (ReplayResult r : ordered) {
            md.append(ResultTable.row(r));
        }
        return md.toString();
    }
}
