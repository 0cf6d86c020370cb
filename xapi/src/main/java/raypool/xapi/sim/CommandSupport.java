package raypool.xapi.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;

/**
 * What the simulated pool's command needs from a command line, and no more: the version printed by
 * {@code -V}, and bad input reported as one line ({@code command: message}) with exit status 2, never a
 * stack trace.
 */
final class CommandSupport {
    /** Exit status for bad options, files or configuration. */
    static final int BAD_INPUT = 2;

    /** The Maven project version, filtered into version.properties at build time. */
    static final String VERSION = readVersion();

    private CommandSupport() {
    }

    /** {@code -V}: "NAME VERSION (raypool)". */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public String[] getVersion() {
            return new String[] {(spec == null ? SimPoolMain.DEFAULT_NAME : spec.root().name()) + " " + VERSION
                    + " (raypool)"};
        }
    }

    private static String readVersion() {
        Properties p = new Properties();
        try (InputStream in = CommandSupport.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // no version file: say so below rather than fail the command over it
        }
        String v = p.getProperty("version", "").strip();
        return v.isEmpty() || v.contains("${") ? "(unknown version)" : v;
    }

    /** Output to {@code out} and {@code err}; every option error is one line on {@code err}, status 2. */
    static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, args) -> fail(e.getCommandLine(), oneLine(e)));
        return cli;
    }

    static int fail(CommandLine command, String message) {
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": "
                + String.valueOf(message).strip().replaceAll("\\s*[\\r\\n]+\\s*", "; "));
        err.flush();
        return BAD_INPUT;
    }

    private static String oneLine(CommandLine.ParameterException e) {
        String help = "see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'";
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            var suggestions = unmatched.getSuggestions();
            String guess = suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?";
            return e.getMessage() + guess + " (" + help + ")";
        }
        return e.getMessage();
    }
}
