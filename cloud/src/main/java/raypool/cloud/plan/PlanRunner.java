package raypool.cloud.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import raypool.cloud.audit.AuditLog;
import raypool.cloud.audit.AuditRecord;
import raypool.xapi.client.Ref;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.connect.CommandFailure;
import raypool.xapi.connect.XapiErrorMeanings;

/**
 * Carries out a {@link Plan} through the XAPI client, step by step, appending an audit record per call;
 * or, for a dry run, only says what it would call. The first call the pool refuses stops the run
 * (audited as refused) with exit 1 and the error's code and meaning.
 */
public final class PlanRunner {
    /** Who runs plans, for the audit records. */
    public record Stamp(String command, String user, String poolUuid) {
    }

    private final XapiClient client;
    private final AuditLog audit;
    private final Stamp stamp;
    private final Clock clock;

    public PlanRunner(XapiClient client, AuditLog audit, Stamp stamp, Clock clock) {
        this.client = client;
        this.audit = audit;
        this.stamp = stamp;
        this.clock = clock;
    }

    public ChangeReport run(Plan plan, boolean dryRun) {
        List<ChangeReport.StepResult> done = new ArrayList<>();
        if (dryRun || plan.isEmpty()) {
            plan.steps().forEach(s -> done.add(new ChangeReport.StepResult(s.call(), s.target(), s.reason(), "planned", "")));
            return new ChangeReport(stamp.command(), dryRun, false, done, plan.notes());
        }
        audit.requireWritable();
        List<String> results = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            Step s = plan.steps().get(i);
            JsonNode answer;
            try {
                answer = client.call(s.method(), values(s, results));
            } catch (XapiError e) {
                audit.append(record(s, AuditRecord.Outcome.REFUSED, Optional.of(e.code() + " " + e.params())));
                throw CommandFailure.refused("step " + (i + 1) + " of " + plan.steps().size() + ", " + s.call() + ": "
                        + XapiErrorMeanings.describe(e) + (i == 0 ? "" : " (" + i + " earlier step(s) done)"));
            }
            results.add(answer.isTextual() ? answer.asText() : "");
            audit.append(record(s, AuditRecord.Outcome.DONE, Optional.empty()));
            done.add(new ChangeReport.StepResult(s.call(), s.target(), s.reason(), "done", results.getLast()));
        }
        return new ChangeReport(stamp.command(), false, true, done, plan.notes());
    }

    private static Object[] values(Step s, List<String> results) {
        Object[] out = new Object[s.args().size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (s.args().get(i)) {
                case Arg.Value v -> v.value();
                case Arg.ResultOf r -> new Ref(results.get(r.step()));
            };
        }
        return out;
    }

    private AuditRecord record(Step s, AuditRecord.Outcome outcome, Optional<String> error) {
        return new AuditRecord(clock.instant(), stamp.command(), stamp.user(), stamp.poolUuid(), s.method(),
                s.args().stream().map(Arg::shown).toList(), s.target(), s.reason(), outcome, error);
    }
}
