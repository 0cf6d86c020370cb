package raypool.cloud.pool;

import picocli.CommandLine.Command;
import raypool.cloud.cli.CloudCommand;
import raypool.cloud.cli.CloudContext;
import raypool.cloud.report.Report;

/** {@code pool status}: hosts, master, editions, HA, WLB, external auth, licence server. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Hosts, master, editions and licence expiry, HA, WLB, external authentication, licence server.")
public final class PoolStatusCommand extends CloudCommand {
    @Override
    protected Report run(CloudContext context) {
        return PoolStatus.of(context.view());
    }
}
