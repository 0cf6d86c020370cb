package raypool.cloud.plan;

import java.util.List;
import raypool.cloud.report.Report;

/**
 * What a changing command reports: the calls it made (or, with --dry-run, would make), each with its
 * reason, and what it found already done. {@code changed} false and no steps: nothing to do.
 */
public record ChangeReport(String command, boolean dryRun, boolean changed, List<StepResult> steps, List<String> notes)
        implements Report {

    public ChangeReport {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    /** @param status "planned" (dry run) or "done"; {@code result} what the call answered (a new object's ref) */
    public record StepResult(String call, String target, String reason, String status, String result) {
    }

    @Override
    public String text() {
        StringBuilder s = new StringBuilder();
        notes.forEach(n -> s.append(n).append('\n'));
        if (steps.isEmpty()) {
            s.append("nothing to do: the pool is already as asked\n");
            return s.toString();
        }
        s.append(dryRun ? "dry run: would call, and called nothing:\n" : "done:\n");
        for (int i = 0; i < steps.size(); i++) {
            StepResult r = steps.get(i);
            s.append(String.format(java.util.Locale.ROOT, "  %d. %s%n     %s%n", i + 1, r.call(), r.reason()));
        }
        return s.toString();
    }
}
