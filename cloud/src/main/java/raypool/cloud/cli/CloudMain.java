package raypool.cloud.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import raypool.xapi.sim.Scenario;
import raypool.cloud.auth.AuthCommands;
import raypool.cloud.boot.VmCommands;
import raypool.cloud.licence.LicenceCommands;
import raypool.cloud.network.NetworkCommands;
import raypool.cloud.ups.UpsCommands;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiTransportException;
import raypool.xapi.connect.CommandFailure;
import raypool.xapi.connect.RemoteOptions;
import raypool.xapi.connect.XapiErrorMeanings;

/**
 * {@code cloud}: operations on a XAPI pool. The connection options come before the group and the
 * command: {@code cloud --simulate [--scenario NAME] GROUP COMMAND ...} or {@code cloud --url URL
 * --user U --password-file F [--pin-sha256 P] GROUP COMMAND ...}. Each group is one line below.
 * Exit 0 done, 1 the pool refused (the XAPI error code and what it means), 2 bad input.
 */
@Command(name = "cloud", mixinStandardHelpOptions = true, versionProvider = CloudVersion.class,
        description = "Operations on a XenServer / XCP-ng pool over XAPI, or on a simulated pool.",
        subcommands = {
            PoolCommands.class,
            NetworkCommands.class,
            LicenceCommands.class,
            VmCommands.class,
            AuthCommands.class,
            UpsCommands.class,
            raypool.cloud.firewall.cli.FirewallCommands.class,
        })
public final class CloudMain {
    @Option(names = "--simulate", description = "Start a simulated pool in this process and work on it.")
    boolean simulate;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "--simulate: the situation the simulated pool starts in (default: ${DEFAULT-VALUE}); "
                    + "the scenarios are listed below.")
    String scenario = Scenario.DEFAULT.label();

    /** --url, --user, --password-file, --pin-sha256, --allow-plain-http. */
    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Option(names = "--audit-log", paramLabel = "FILE",
            description = "JSON-lines file each change is appended to (default: ${DEFAULT-VALUE}).")
    Path auditLog = CloudDefaults.AUDIT_LOG;

    /** Where commands connect: the options above, checked when the first command asks. */
    Connector connector() {
        return new Connector(this);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(out, err, args));
    }

    /** Runs one command line; returns its exit status (0 done, 1 the pool refused, 2 bad input). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new CloudMain());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpWidth(110);
        List<String> footer = new ArrayList<>(List.of("", "Scenarios of --simulate --scenario NAME:"));
        for (Scenario s : Scenario.values()) {
            footer.add("  " + s.label());
            footer.add("      " + s.description());
        }
        cmd.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        cmd.setParameterExceptionHandler((e, a) -> {
            err.println(cmd.getCommandName() + ": " + e.getMessage());
            err.println("(see " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help)");
            return CommandFailure.BAD_INPUT;
        });
        cmd.setExecutionExceptionHandler((e, c, parsed) -> {
            String name = c.getCommandSpec().qualifiedName();
            if (e instanceof CommandFailure f) {
                err.println(name + ": " + f.getMessage());
                return f.status();
            }
            if (e instanceof XapiError x) {
                err.println(name + ": the pool refused " + x.method() + ": " + XapiErrorMeanings.describe(x));
                return CommandFailure.POOL_REFUSED;
            }
            if (e instanceof XapiTransportException t) {
                err.println(name + ": the pool stopped answering: " + t.getMessage());
                return CommandFailure.POOL_REFUSED;
            }
            throw e;
        });
        int status = cmd.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
