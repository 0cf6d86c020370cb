package raypool.cloud.cli;

import picocli.CommandLine.Option;

/** A command that changes the pool: {@code --dry-run} prints the XAPI calls it would make and makes none. */
public abstract class ChangeCommand extends CloudCommand {
    @Option(names = "--dry-run", description = "Print the XAPI calls this would make, and make none.")
    protected boolean dryRun;
}
