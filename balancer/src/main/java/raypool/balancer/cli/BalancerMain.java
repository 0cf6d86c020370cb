package raypool.balancer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import raypool.balancer.trace.InputException;

/** Entry point of ./scripts/balancer. Bad input exits 2 with one message naming file and line. */
@Command(name = "balancer", mixinStandardHelpOptions = true,
        description = "WLB-style placement and live-migration planner, judged by replaying PlanetLab traces.",
        subcommands = {ReplayCommand.class, TablesCommand.class, SpeedCommand.class, StarsCommand.class},
        footer = {"", "scripts/balancer also runs, from the xapi module:",
                "  daemon   balance a XAPI pool (--simulate, or --url https://master); 'daemon --help'",
                "  pool     serve the simulated XAPI pool (--simulate [--port N]); 'pool --help'"})
public final class BalancerMain implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new BalancerMain());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InputException bad) {
                cmd.getErr().println("balancer: " + bad.getMessage());
                cmd.getErr().flush();
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
