package raypool.balancer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import raypool.balancer.trace.InputException;

/**
 * Entry point of ./scripts/balancer. Bad options or input exit 2 with one line naming the option, or the
 * file and line; {@code -V} prints the version.
 */
@Command(name = "balancer", mixinStandardHelpOptions = true, versionProvider = CliSupport.VersionProvider.class,
        description = "WLB-style placement and live-migration planner, judged by replaying PlanetLab traces.",
        subcommands = {ReplayCommand.class, TablesCommand.class, SpeedCommand.class, StarsCommand.class},
        footer = {"", "scripts/balancer also runs, from the daemon module:",
                "  daemon   balance a XAPI pool (--simulate, or --url https://master)",
                "  plan     print the plan the daemon would apply now, and exit",
                "and from the xapi module:",
                "  pool     serve the simulated XAPI pool (--simulate [--port N])",
                "'balancer COMMAND --help' describes each command's options."})
public final class BalancerMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command with its output and messages sent to {@code out} and {@code err}; returns the exit status. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = CliSupport.configure(new CommandLine(new BalancerMain()), out, err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InputException bad) {
                return CliSupport.fail(cmd, bad.getMessage());
            }
            if (e instanceof IOException io) {
                return CliSupport.fail(cmd, CliSupport.describe(io));
            }
            throw e;
        });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
