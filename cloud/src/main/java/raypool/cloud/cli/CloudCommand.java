package raypool.cloud.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import raypool.cloud.report.Report;
import raypool.cloud.report.Reports;
import raypool.xapi.connect.RemotePool;

/**
 * What every cloud command shares: {@code --json}, the connection the root options name, and printing
 * its {@link Report} as text or as one JSON document. A group's commands extend this (or
 * {@link ChangeCommand}) and implement {@link #run}.
 */
public abstract class CloudCommand implements Callable<Integer> {
    @Spec
    protected CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    protected boolean json;

    /** The command's work on an open pool; throws CommandFailure to stop with exit 1 or 2. */
    protected abstract Report run(CloudContext context);

    /** Checks the command's own options before connecting; throws CommandFailure (bad input). */
    protected void validate() {
    }

    @Override
    public final Integer call() {
        validate();
        CloudMain root = (CloudMain) spec.root().userObject();
        try (RemotePool pool = root.connector().open()) {
            Report report = run(new CloudContext(pool, root.remote.user, root.auditLog, spec.qualifiedName(" ")));
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? Reports.json(report) : report.text());
            out.flush();
            return report.exitStatus();
        }
    }
}
