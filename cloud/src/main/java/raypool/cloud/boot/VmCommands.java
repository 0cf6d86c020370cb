package raypool.cloud.boot;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.cloud.cli.ChangeCommand;
import raypool.cloud.cli.CloudContext;
import raypool.cloud.network.Selectors;
import raypool.cloud.plan.ChangeReport;
import raypool.cloud.report.Report;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VmView;

/** {@code cloud vm ...}: per-VM fixes. */
@Command(name = "vm", mixinStandardHelpOptions = true, description = "Per-VM fixes.",
        subcommands = {VmCommands.FixBoot.class})
public final class VmCommands {

    /** Exactly one of --vm (repeatable) and --all. */
    static final class Selection {
        @Option(names = "--vm", paramLabel = "NAME|UUID", required = true, description = "A VM to fix (repeat for more).")
        List<String> vms = new ArrayList<>();

        @Option(names = "--all", required = true, description = "Every guest whose boot parameters would fail.")
        boolean all;
    }

    @Command(name = "fix-boot", mixinStandardHelpOptions = true,
            description = "Set HVM_boot_policy=\"BIOS order\" and HVM_boot_params:order=\"dc\" on the guests that need it.")
    static final class FixBoot extends ChangeCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Selection selection;

        @Override
        protected Report run(CloudContext context) {
            PoolView view = context.view();
            List<VmView> vms = selection.all ? view.vms().stream().filter(VmView::guest).toList()
                    : selection.vms.stream().map(k -> Selectors.vm(view, k, "option --vm")).distinct().toList();
            BootFix.Decision decision = BootFix.decide(vms, !selection.all);
            ChangeReport change = context.runner(view).run(decision.plan(), dryRun);
            return new BootFixReport(decision.vms(), change);
        }
    }
}
