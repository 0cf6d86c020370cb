package raypool.cloud.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
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
        })
public final class CloudMain {
    @Option(names = "--simulate", description = "Start a simulated pool in this process and work on it.")
    boolean simulate;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "--simulate: the situation the simulated pool starts in (default: ${DEFAULT-VALUE}); "
                    + "see --help-scenarios.")
    String scenario = Scenario.DEFAULT.label();

    @Option(names = "--url", paramLabel = "URL", description = "The pool master, e.g. https://xen-master.")
    Optional<String> url = Optional.empty();

    @Option(names = "--user", paramLabel = "U", description = "XAPI user (default: ${DEFAULT-VALUE}).")
    String user = "root";

    @Option(names = "--password-file", paramLabel = "F", description = "File whose first line is the password.")
    Optional<Path> passwordFile = Optional.empty();

    @Option(names = "--pin-sha256", paramLabel = "P",
            description = "SHA-256 fingerprint of the master's self-signed certificate (AB:CD:...).")
    Optional<String> pin = Optional.empty();

    @Option(names = "--allow-plain-http",
            description = "Accept an http:// URL that is not on this machine (the password then crosses the network in clear).")
    boolean allowPlainHttp;

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
