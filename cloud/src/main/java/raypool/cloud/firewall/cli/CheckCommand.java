package raypool.cloud.firewall.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raypool.cloud.firewall.check.PolicyChecker;
import raypool.cloud.firewall.decide.OrderedPolicy;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.report.Reports;

/** {@code firewall check}: validates a policy file and warns about rules that never match and conflicts; needs no pool. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate a policy file (errors as file:line: field: message, exit 2) and warn about rules that can never "
                + "match and about allow/deny conflicts at the same level. Reads no pool.")
public final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "FILE", description = "The policy file (YAML or JSON).")
    Path policy;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    @Override
    public Integer call() {
        Policy p = PolicyFiles.load(policy);
        CheckReport report = new CheckReport(p.file(), p.rules().size(), p.builtinDefaults(), p.failMode().word(),
                PolicyChecker.check(OrderedPolicy.of(p)).stream().map(CheckReport.Warning::of)
                        .sorted(java.util.Comparator.comparingInt(CheckReport.Warning::line)).toList());
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Reports.json(report) : report.text());
        out.flush();
        return 0;
    }
}
