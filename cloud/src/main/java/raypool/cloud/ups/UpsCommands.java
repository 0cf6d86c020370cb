package raypool.cloud.ups;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.cloud.cli.ChangeCommand;
import raypool.cloud.cli.CloudCommand;
import raypool.cloud.cli.CloudContext;
import raypool.cloud.cli.CloudDefaults;
import raypool.cloud.plan.ChangeReport;
import raypool.cloud.report.Report;
import raypool.cloud.view.PoolView;
import raypool.xapi.connect.CommandFailure;

/** {@code cloud ups ...}: the ordered shutdown when the UPS runs out, and a watch of a NUT server. */
@Command(name = "ups", mixinStandardHelpOptions = true, description = "Ordered shutdown on a UPS's signal (Network UPS Tools).",
        subcommands = {UpsCommands.PlanCommand.class, UpsCommands.ShutdownCommand.class, UpsCommands.WatchCommand.class})
public final class UpsCommands {
    private static final Duration CLEAN_TIMEOUT = CloudDefaults.CLEAN_SHUTDOWN_TIMEOUT;
    private static final Duration ON_BATTERY_GRACE = CloudDefaults.ON_BATTERY_GRACE;
    private static final Duration POLL = CloudDefaults.NUT_POLL;
    private static final int NUT_PORT = CloudDefaults.NUT_PORT;

    static Duration seconds(String option, long s, long max) {
        if (s < 0 || s > max) {
            throw CommandFailure.badInput("option " + option + ": must be 0.." + max + " seconds, got " + s);
        }
        return Duration.ofSeconds(s);
    }

    @Command(name = "plan", mixinStandardHelpOptions = true,
            description = "Print the ordered shutdown: guests by VM.order, infrastructure VMs last, member hosts, the master.")
    static final class PlanCommand extends CloudCommand {
        @Option(names = "--clean-timeout", paramLabel = "S", description = "Seconds for a clean shutdown (default: 120).")
        long cleanTimeout = CLEAN_TIMEOUT.toSeconds();

        @Override
        protected Report run(CloudContext context) {
            return UpsPlanner.plan(context.view(), seconds("--clean-timeout", cleanTimeout, 3600));
        }
    }

    @Command(name = "shutdown", mixinStandardHelpOptions = true, description = "Carry out the ordered shutdown now.")
    static final class ShutdownCommand extends ChangeCommand {
        @Option(names = "--clean-timeout", paramLabel = "S", description = "Seconds for a clean shutdown (default: 120).")
        long cleanTimeout = CLEAN_TIMEOUT.toSeconds();

        @Override
        protected Report run(CloudContext context) {
            PoolView view = context.view();
            UpsPlan plan = UpsPlanner.plan(view, seconds("--clean-timeout", cleanTimeout, 3600));
            if (dryRun || plan.isEmpty()) {
                return plan;
            }
            UpsExecutor.Outcome outcome = new UpsExecutor(context.client(), context.audit(view), d -> Thread.sleep(d.toMillis()))
                    .run(plan, () -> false);
            return new ChangeReport(context.command(), false, true, outcome.done().stream()
                    .map(d -> new ChangeReport.StepResult(d, "", "UPS shutdown", "done", "")).toList(), plan.warnings());
        }
    }

    @Command(name = "watch", mixinStandardHelpOptions = true,
            description = "Follow a NUT server; on LB or FSD (or after the grace on battery) carry out the ordered shutdown.")
    static final class WatchCommand extends ChangeCommand {
        @Option(names = "--nut", paramLabel = "HOST:PORT", required = true, description = "The NUT server (port 3493 if none).")
        String nut;

        @Option(names = "--ups", paramLabel = "NAME", required = true, description = "The UPS's name on that server.")
        String ups;

        @Option(names = "--on-battery-grace", paramLabel = "S",
                description = "Seconds on battery before shutting down without LB (default: 300).")
        long grace = ON_BATTERY_GRACE.toSeconds();

        @Option(names = "--poll", paramLabel = "S", description = "Seconds between readings (default: 2).")
        double poll = POLL.toMillis() / 1000.0;

        @Option(names = "--clean-timeout", paramLabel = "S", description = "Seconds for a clean shutdown (default: 120).")
        long cleanTimeout = CLEAN_TIMEOUT.toSeconds();

        @Option(names = "--duration", paramLabel = "S", description = "Stop watching after S seconds (default: watch until a shutdown).")
        Optional<Long> duration = Optional.empty();

        private NutClient client;

        @Override
        protected void validate() {
            int colon = nut.lastIndexOf(':');
            String host = colon > 0 ? nut.substring(0, colon) : nut;
            int port = NUT_PORT;
            if (colon > 0) {
                try {
                    port = Integer.parseInt(nut.substring(colon + 1));
                } catch (NumberFormatException e) {
                    port = -1;
                }
            }
            if (host.isBlank() || port < 1 || port > 65_535) {
                throw CommandFailure.badInput("option --nut: '" + nut + "' is not HOST:PORT");
            }
            if (!(poll > 0 && poll <= 600)) {
                throw CommandFailure.badInput("option --poll: must be above 0 and at most 600 seconds, got " + poll);
            }
            seconds("--on-battery-grace", grace, 86_400);
            seconds("--clean-timeout", cleanTimeout, 3600);
            duration.ifPresent(d -> seconds("--duration", d, 31_536_000));
            client = new NutClient(host, port, Duration.ofSeconds(5));
            try {
                client.status(ups);
            } catch (NutClient.NutException e) {
                throw CommandFailure.badInput("option --nut/--ups: " + e.getMessage());
            }
        }

        @Override
        protected Report run(CloudContext context) {
            PrintWriter live = json ? new PrintWriter(java.io.Writer.nullWriter()) : spec.commandLine().getOut();
            List<UpsWatchReport.Event> events = new ArrayList<>();
            WatchDecider.State state = WatchDecider.State.ON_MAINS;
            Instant start = Instant.now();
            boolean cancelled = false;
            String last = "";
            live.println("watching UPS " + ups + " at " + client.address() + (dryRun ? " (dry run)" : ""));
            live.flush();
            while (duration.map(d -> Duration.between(start, Instant.now()).toSeconds() < d).orElse(true)) {
                Instant now = Instant.now();
                UpsStatus status;
                try {
                    status = client.status(ups);
                } catch (NutClient.NutException e) {
                    live.println(now + " no reading: " + e.getMessage());
                    live.flush();
                    pause();
                    continue;
                }
                WatchDecider.Decision d = WatchDecider.decide(state, status, now, Duration.ofSeconds(grace));
                state = d.next();
                if (d.action() != WatchDecider.Action.KEEP_WATCHING || !status.toString().equals(last)) {
                    UpsWatchReport.Event event = new UpsWatchReport.Event(now, status.toString(), d.action(), d.why());
                    events.add(event);
                    live.println(event.line());
                    live.flush();
                }
                last = status.toString();
                cancelled |= d.action() == WatchDecider.Action.CANCELLED;
                if (d.action() == WatchDecider.Action.SHUT_DOWN) {
                    return shutDown(context, events, cancelled);
                }
                pause();
            }
            return new UpsWatchReport(client.address(), ups, dryRun, events, false, List.of(), List.of(), cancelled);
        }

        private UpsWatchReport shutDown(CloudContext context, List<UpsWatchReport.Event> events, boolean cancelledBefore) {
            PoolView view = context.view();
            UpsPlan plan = UpsPlanner.plan(view, Duration.ofSeconds(cleanTimeout));
            if (dryRun) {
                return new UpsWatchReport(client.address(), ups, true, events, true, plan.steps(), List.of(), cancelledBefore);
            }
            UpsExecutor.Outcome outcome = new UpsExecutor(context.client(), context.audit(view), d -> Thread.sleep(d.toMillis()))
                    .run(plan, this::mainsBack);
            return new UpsWatchReport(client.address(), ups, false, events, true, plan.steps(), outcome.done(),
                    cancelledBefore || outcome.cancelled());
        }

        private boolean mainsBack() {
            try {
                UpsStatus s = client.status(ups);
                return s.online() && !s.lowBattery() && !s.forcedShutdown();
            } catch (NutClient.NutException e) {
                return false;
            }
        }

        private void pause() {
            try {
                Thread.sleep((long) (poll * 1000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CommandFailure.refused("interrupted while watching");
            }
        }
    }
}
