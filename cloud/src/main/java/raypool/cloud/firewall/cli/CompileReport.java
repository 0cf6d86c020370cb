package raypool.cloud.firewall.cli;

import java.util.List;
import java.util.Locale;
import raypool.cloud.report.Report;

/** What {@code firewall compile} and {@code apply --dry-run} say about the flows: counts, files, rules that match nothing. */
public record CompileReport(String flowsFile, String portsFile, int rules, int interfaces, int flows, List<String> unmatchedTargets)
        implements Report {

    public CompileReport {
        unmatchedTargets = List.copyOf(unmatchedTargets);
    }

    @Override
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d flows for %d rules and %d VM interfaces (%.1f flows per interface) in %s%n", flows, rules,
                interfaces, interfaces == 0 ? 0.0 : (double) flows / interfaces, flowsFile));
        if (!portsFile.isEmpty()) {
            b.append("port map in ").append(portsFile).append('\n');
        }
        for (String u : unmatchedTargets) {
            b.append("warning: ").append(u).append('\n');
        }
        return b.toString();
    }
}
