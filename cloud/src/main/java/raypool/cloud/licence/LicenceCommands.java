package raypool.cloud.licence;

import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.cloud.cli.ChangeCommand;
import raypool.cloud.cli.CloudCommand;
import raypool.cloud.cli.CloudContext;
import raypool.cloud.cli.CloudDefaults;
import raypool.cloud.report.Report;
import raypool.cloud.view.PoolView;
import raypool.xapi.connect.CommandFailure;

/** {@code cloud licence ...}: editions, expiry, the licence server, and the way out of the licence trap. */
@Command(name = "licence", aliases = "license", mixinStandardHelpOptions = true,
        description = "Each host's edition and expiry, the licence server, and recovery from expired licences.",
        subcommands = {LicenceCommands.Audit.class, LicenceCommands.Recover.class})
public final class LicenceCommands {
    private static final int EXPIRES_SOON_DAYS = CloudDefaults.EXPIRES_SOON_DAYS;

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = "Editions, expiry and findings: LICENCE_EXPIRED, LICENCE_EXPIRES_SOON, LICENCE_EDITIONS_MIXED, "
                    + "LICENCE_SERVER_IN_POOL, LICENCE_SERVER_DOWN.")
    static final class Audit extends CloudCommand {
        @Option(names = "--soon-days", paramLabel = "N",
                description = "Report licences that expire within N days (default: ${DEFAULT-VALUE}).")
        int soonDays = EXPIRES_SOON_DAYS;

        @Override
        protected void validate() {
            if (soonDays < 0 || soonDays > 3650) {
                throw CommandFailure.badInput("option --soon-days: must be 0..3650, got " + soonDays);
            }
        }

        @Override
        protected Report run(CloudContext context) {
            return LicenceAudit.of(context.view(), Duration.ofDays(soonDays));
        }
    }

    @Command(name = "recover", mixinStandardHelpOptions = true,
            description = "Free edition on expired hosts, start the licence server VM, re-apply the paid edition.")
    static final class Recover extends ChangeCommand {
        @Option(names = "--edition", paramLabel = "E",
                description = "The edition to re-apply (default: the paid edition most hosts run).")
        Optional<String> edition = Optional.empty();

        @Override
        protected Report run(CloudContext context) {
            PoolView view = context.view();
            return context.runner(view).run(LicenceRecovery.plan(view, edition), dryRun);
        }
    }
}
