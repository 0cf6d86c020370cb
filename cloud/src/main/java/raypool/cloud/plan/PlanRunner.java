package raypool.cloud.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import raypool.cloud.audit.AuditTrail;
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
    private final XapiClient client;
    private final AuditTrail audit;

    public PlanRunner(XapiClient client, AuditTrail audit) {
        this.client = client;
        this.audit = audit;
    }

    public ChangeReport run(Plan plan, boolean dryRun) {
        List<ChangeReport.StepResult> done = new ArrayList<>();
        if (dryRun || plan.isEmpty()) {
            plan.steps().forEach(s -> done.add(new ChangeReport.StepResult(s.call(), s.target(), s.reason(), "planned", "")));
            return new ChangeReport(audit.stamp().command(), dryRun, false, done, plan.notes());
        }
        audit.requireWritable();
        List<String> results = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            Step s = plan.steps().get(i);
            JsonNode answer;
            try {
                answer = client.call(s.method(), values(s, results));
            } catch (XapiError e) {
                audit.refused(s.method(), shown(s), s.target(), s.reason(), e.code() + " " + e.params());
                throw CommandFailure.refused("step " + (i + 1) + " of " + plan.steps().size() + ", " + s.call() + ": "
                        + XapiErrorMeanings.describe(e) + (i == 0 ? "" : " (" + i + " earlier step(s) done)"));
            }
            results.add(answer.isTextual() ? answer.asText() : "");
            audit.done(s.method(), shown(s), s.target(), s.reason());
            done.add(new ChangeReport.StepResult(s.call(), s.target(), s.reason(), "done", results.getLast()));
        }
        return new ChangeReport(audit.stamp().command(), false, true, done, plan.notes());
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

    private static List<String> shown(Step s) {
        return s.args().stream().map(Arg::shown).toList();
    }
}
