package raypool.cloud.boot;

import java.util.List;
import java.util.Locale;
import raypool.cloud.plan.ChangeReport;
import raypool.cloud.report.Report;

/** What {@code vm fix-boot} reports: each VM's boot parameters before and what was done, then the calls. */
public record BootFixReport(List<BootFix.VmBoot> vms, ChangeReport change) implements Report {

    @Override
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-16s %-8s %-11s %-6s %s%n", "VM", "STATE", "POLICY", "ORDER", "RESULT"));
        long alreadyFixed = vms.stream().filter(v -> v.verdict() == BootFix.Verdict.ALREADY_FIXED).count();
        for (BootFix.VmBoot v : vms) {
            if (v.verdict() == BootFix.Verdict.ALREADY_FIXED && vms.size() > 10) {
                continue;
            }
            String result = switch (v.verdict()) {
                case FIXED -> change.dryRun() ? "would fix" : "fixed";
                case ALREADY_FIXED -> "already fixed";
                case BOOTS_AS_CONFIGURED -> "left alone";
            };
            s.append(String.format(Locale.ROOT, "%-16s %-8s %-11s %-6s %s%s%n", v.vm(), v.powerState(),
                    v.policyBefore().isEmpty() ? "(PV)" : v.policyBefore(), v.orderBefore().isEmpty() ? "-" : v.orderBefore(),
                    result, v.note().isEmpty() ? "" : " (" + v.note() + ")"));
        }
        if (alreadyFixed > 0 && vms.size() > 10) {
            s.append(alreadyFixed).append(" more VMs boot \"BIOS order\", order \"dc\" already (--json lists them)\n");
        }
        return s + change.text();
    }
}
