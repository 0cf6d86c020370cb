package raypool.cloud.pool;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import raypool.cloud.cli.ChangeCommand;
import raypool.cloud.cli.CloudContext;
import raypool.cloud.plan.Arg;
import raypool.cloud.plan.ChangeReport;
import raypool.cloud.plan.Plan;
import raypool.cloud.plan.PlanRunner;
import raypool.cloud.plan.Step;
import raypool.cloud.report.Report;
import raypool.cloud.view.PoolReader;
import raypool.cloud.view.PoolView;
import raypool.xapi.client.XapiClient;
import raypool.xapi.connect.CommandFailure;
import raypool.xapi.connect.RemotePool;
import raypool.xapi.connect.RemoteTarget;
import raypool.xapi.sim.Scenario;

/** {@code pool create}, {@code pool join} and {@code pool eject}. */
public final class PoolChangeCommands {
    private PoolChangeCommands() {
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Name the pool of one this host is (XAPI has no pool.create); hosts then join it.")
    public static final class Create extends ChangeCommand {
        @Option(names = "--name", paramLabel = "N", required = true, description = "The pool's name.")
        String name;

        @Override
        protected void validate() {
            if (name.isBlank()) {
                throw CommandFailure.badInput("option --name: the pool needs a non-empty name");
            }
        }

        @Override
        protected Report run(CloudContext context) {
            PoolView view = context.view();
            return context.runner(view).run(PoolDecider.create(view, name), dryRun);
        }
    }

    @Command(name = "eject", mixinStandardHelpOptions = true, description = "Take a member host out of the pool (never the master).")
    public static final class Eject extends ChangeCommand {
        @Parameters(paramLabel = "HOST", description = "The host's name label or UUID.")
        String host;

        @Override
        protected Report run(CloudContext context) {
            PoolView view = context.view();
            return context.runner(view).run(PoolDecider.eject(view, host), dryRun);
        }
    }

    @Command(name = "join", mixinStandardHelpOptions = true,
            description = "Join the host the connection options name to the pool of --master, after xapi's checks. "
                    + "With --simulate: a simulated host of its own (host-5) joins the simulated pool.")
    public static final class Join extends ChangeCommand {
        @Option(names = "--master", paramLabel = "ADDRESS", description = "The pool master's address, as pool.join takes it.")
        Optional<String> master = Optional.empty();

        @Option(names = "--master-url", paramLabel = "URL", description = "The master's API for the checks (default: https://ADDRESS).")
        Optional<String> masterUrl = Optional.empty();

        @Option(names = "--master-user", paramLabel = "U", description = "A pool-admin on the master (default: ${DEFAULT-VALUE}).")
        String masterUser = "root";

        @Option(names = "--master-password-file", paramLabel = "F", description = "File whose first line is that user's password.")
        Optional<Path> masterPasswordFile = Optional.empty();

        @Option(names = "--master-pin-sha256", paramLabel = "P", description = "SHA-256 fingerprint of the master's certificate.")
        Optional<String> masterPin = Optional.empty();

        @Override
        protected Report run(CloudContext context) {
            if (context.pool().sim().isPresent()) {
                return simulated(context);
            }
            String address = master.orElseThrow(() -> CommandFailure.badInput("option --master: pool join needs the master's address"));
            Path file = masterPasswordFile.orElseThrow(() -> CommandFailure.badInput(
                    "option --master-password-file: pool join needs the master's password (never on the command line)"));
            String password = RemotePool.readPassword(file);
            try (RemotePool masterPool = RemotePool.open(new RemoteTarget(masterUrl.orElse("https://" + address), masterUser,
                    Optional.of(file), masterPin, false))) {
                return join(context, context.client(), masterPool.client(), address, password);
            }
        }

        /** The simulated pool is the master; a second simulated pool, a host of its own, joins it. */
        private Report simulated(CloudContext context) {
            XapiClient masterClient = context.client();
            String address = masterClient.endpoint().getHost() + ":" + masterClient.endpoint().getPort();
            String password = masterClient.settings().password();
            try (RemotePool joiner = RemotePool.simulated(Scenario.STANDALONE.build(masterClient.settings().user(), password, 1),
                    masterClient.settings().user(), password)) {
                CloudContext onJoiner = new CloudContext(joiner, context.user(), context.auditLog(), context.command());
                return join(onJoiner, joiner.client(), masterClient, address, password);
            }
        }

        private JoinReport join(CloudContext context, XapiClient joiner, XapiClient masterClient, String address, String password) {
            PoolView mine = PoolReader.read(joiner);
            PoolView theirs = PoolReader.read(masterClient);
            String host = mine.master().name();
            List<JoinPreflight.Check> checks = JoinPreflight.checks(mine, theirs);
            boolean member = theirs.hosts().stream().anyMatch(h -> h.uuid().equals(mine.master().uuid()));
            Plan plan;
            if (member) {
                plan = Plan.nothing(host + " is a member of the pool of " + theirs.master().name() + " already");
            } else {
                List<JoinPreflight.Check> failed = checks.stream().filter(c -> !c.passed()).toList();
                if (!failed.isEmpty()) {
                    throw CommandFailure.refused(host + " cannot join the pool of " + address + ": " + failed.stream()
                            .map(c -> c.code() + ": " + c.explanation()).collect(Collectors.joining("; ")));
                }
                plan = new Plan(List.of(Step.of("pool.join", host, "join the pool of " + theirs.master().name() + " at " + address,
                        Arg.text(address), Arg.text(masterUser), Arg.secret(password))), List.of());
            }
            PlanRunner runner = new PlanRunner(joiner, context.audit(mine));
            ChangeReport change = runner.run(plan, dryRun);
            return new JoinReport(host, address, checks, change);
        }
    }
}
