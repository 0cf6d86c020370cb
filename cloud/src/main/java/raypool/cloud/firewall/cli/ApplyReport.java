package raypool.cloud.firewall.cli;

import java.util.List;
import raypool.cloud.firewall.apply.CookieChange;
import raypool.cloud.report.Report;

/** What {@code firewall apply} did: the bridge, flows per cookie that went and came, the fail mode. */
public record ApplyReport(String bridge, boolean applied, int flows, String failMode, List<CookieChange> changes) implements Report {

    public ApplyReport {
        changes = List.copyOf(changes);
    }

    @Override
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(applied ? "applied " : "would apply (dry run) ").append(flows).append(" flows to bridge ").append(bridge)
                .append(" in one bundle; fail mode ").append(failMode).append('\n');
        if (changes.isEmpty()) {
            b.append("  no flow changes\n");
        }
        for (CookieChange c : changes) {
            b.append("  cookie ").append(c.cookie()).append(" (").append(c.rule()).append("): -").append(c.removed()).append(" +")
                    .append(c.added()).append(" flows\n");
        }
        return b.toString();
    }
}
