package raypool.cloud.auth;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.cloud.cli.ChangeCommand;
import raypool.cloud.cli.CloudCommand;
import raypool.cloud.cli.CloudContext;
import raypool.cloud.report.Report;
import raypool.cloud.view.PoolView;
import raypool.xapi.client.PasswordFiles;
import raypool.xapi.connect.CommandFailure;

/** {@code cloud auth ...}: the pool's external authentication (Active Directory). */
@Command(name = "auth", mixinStandardHelpOptions = true, description = "External authentication (Active Directory).",
        subcommands = {AuthCommands.Status.class, AuthCommands.Ensure.class})
public final class AuthCommands {

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Each host's external authentication.")
    static final class Status extends CloudCommand {
        @Override
        protected Report run(CloudContext context) {
            return AuthState.of(context.view());
        }
    }

    @Command(name = "ensure", mixinStandardHelpOptions = true,
            description = "Join every host to the domain when a reboot dropped it; nothing when all are joined.")
    static final class Ensure extends ChangeCommand {
        @Option(names = "--domain", paramLabel = "D", required = true, description = "The AD domain, e.g. CORP.EXAMPLE.")
        String domain;

        @Option(names = "--user", paramLabel = "U", required = true, description = "An account that may join machines.")
        String user;

        @Option(names = "--password-file", paramLabel = "F", required = true, description = "File whose first line is its password.")
        Path passwordFile;

        @Option(names = "--ou", paramLabel = "OU", description = "The organisational unit the hosts' accounts go into.")
        Optional<String> ou = Optional.empty();

        private String password;

        @Override
        protected void validate() {
            if (domain.isBlank() || user.isBlank()) {
                throw CommandFailure.badInput("option " + (domain.isBlank() ? "--domain" : "--user") + ": must not be empty");
            }
            try {
                password = PasswordFiles.read(passwordFile);
            } catch (PasswordFiles.UnreadablePasswordException e) {
                throw CommandFailure.badInput("option --password-file: " + e.getMessage() + " (the password of " + user
                        + " in " + domain + ")");
            }
        }

        @Override
        protected Report run(CloudContext context) {
            PoolView view = context.view();
            return context.runner(view).run(AuthEnsure.plan(view, new AuthEnsure.Credentials(domain, user, password, ou)), dryRun);
        }
    }
}
