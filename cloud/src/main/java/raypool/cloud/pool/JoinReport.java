package raypool.cloud.pool;

import java.util.List;
import java.util.Locale;
import raypool.cloud.plan.ChangeReport;
import raypool.cloud.report.Report;

/** What {@code pool join} reports: each preflight check, then the join (or why there is none). */
public record JoinReport(String host, String master, List<JoinPreflight.Check> checks, ChangeReport change) implements Report {

    @Override
    public String text() {
        StringBuilder s = new StringBuilder("preflight of " + host + " joining " + master + ":\n");
        for (JoinPreflight.Check c : checks) {
            s.append(String.format(Locale.ROOT, "  %-4s %-48s %s%n", c.passed() ? "ok" : "FAIL", c.code(), c.explanation()));
        }
        return s + change.text();
    }
}
