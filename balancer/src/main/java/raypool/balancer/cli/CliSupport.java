package raypool.balancer.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every balancer command shares, the daemon module's {@code balancer daemon} and {@code balancer plan}
 * and the xapi module's {@code balancer pool} included: the version printed by {@code -V}, and bad input reported as one line
 * ({@code command: message}) with exit status 2, never a stack trace.
 */
public final class CliSupport {
    /** Exit status for bad options, files or configuration. */
    public static final int BAD_INPUT = 2;

    /** The Maven project version, filtered into version.properties at build time. */
    public static final String VERSION = readVersion();

    private CliSupport() {
    }

    /** {@code -V}: "NAME VERSION (raypool)", NAME being the command's root (balancer, balancer daemon, ...). */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @CommandLine.Spec
        CommandSpec spec;

        @Override
        public String[] getVersion() {
            return new String[] {versionLine(spec == null ? "balancer" : spec.root().name())};
        }
    }

    public static String versionLine(String commandName) {
        return commandName + " " + VERSION + " (raypool)";
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = CliSupport.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no version file: say so below rather than fail a command over it
        }
        String v = p.getProperty("version", "").strip();
        // unfiltered (run from sources without Maven's resource step): not a version at all
        return v.isEmpty() || v.contains("${") ? "(unknown version)" : v;
    }

    /**
     * Sends the command's output to {@code out} and {@code err}, accepts enum values in any case, and
     * reports every option error as one line on {@code err} with exit status 2. Call it after the
     * subcommands are added: the settings reach the whole tree.
     */
    public static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> fail(e.getCommandLine(), oneLine(e)));
        return cli;
    }

    /** Prints {@code command: message} on one line of the command's error stream and returns 2. */
    public static int fail(CommandLine command, String message) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + flatten(message));
        err.flush();
        return BAD_INPUT;
    }

    /** The one line that reports an option error: what is wrong, which option, and where help is. */
    static String oneLine(CommandLine.ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        String help = "see '" + cmd.getCommandSpec().qualifiedName() + " --help'";
        if (e instanceof CommandLine.MissingParameterException && !cmd.getUnmatchedArguments().isEmpty()) {
            // picocli checks required options before unknown ones; a mistyped option explains both
            e = new CommandLine.UnmatchedArgumentException(cmd, cmd.getUnmatchedArguments());
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            List<ArgSpec> args = missing.getMissing();
            String names = args.stream().map(CliSupport::synopsis).collect(Collectors.joining(" and "));
            String what = args.size() == 1 && args.getFirst().description().length > 0
                    ? args.getFirst().description()[0] + "; " : "";
            return "needs " + names + " (" + what + help + ")";
        }
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            String guess = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
            String what = !unmatched.isUnknownOption() && !cmd.getSubcommands().isEmpty()
                    ? "unknown command '" + unmatched.getUnmatched().getFirst() + "'" : e.getMessage();
            return what + guess + " (" + help + ")";
        }
        return e.getMessage();
    }

    /** An I/O failure as "FILE: reason" (the JDK's own messages often give only one of the two). */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() != null ? fs.getReason()
                    : switch (e) {
                        case NoSuchFileException x -> "no such file or directory";
                        case FileAlreadyExistsException x -> "exists and is not a directory";
                        case AccessDeniedException x -> "permission denied";
                        default -> e.getClass().getSimpleName();
                    };
            return fs.getFile() + ": " + reason;
        }
        return String.valueOf(e.getMessage());
    }

    /** "--trace-dir DIR" for an option, "FILE" for a positional parameter. */
    private static String synopsis(ArgSpec arg) {
        if (arg instanceof OptionSpec option) {
            return option.arity().max() == 0 ? option.longestName() : option.longestName() + " " + option.paramLabel();
        }
        return arg.paramLabel();
    }

    private static String flatten(String message) {
        return String.valueOf(message).strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
    }
}
