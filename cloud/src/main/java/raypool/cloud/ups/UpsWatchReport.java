package raypool.cloud.ups;

import java.time.Instant;
import java.util.List;
import raypool.cloud.report.Report;

/**
 * What {@code ups watch} saw and did: each change of the UPS's state, whether it shut the pool down
 * (or, with --dry-run, what it would have called), and whether mains returning cancelled it.
 */
public record UpsWatchReport(String nut, String ups, boolean dryRun, List<Event> events, boolean triggered, List<String> plan,
                             List<String> done, boolean cancelled) implements Report {

    public record Event(Instant at, String status, WatchDecider.Action action, String why) {
        String line() {
            return at + " " + action + ": " + why;
        }
    }

    @Override
    public String text() {
        StringBuilder s = new StringBuilder();
        if (!triggered) {
            s.append("watch ended: no shutdown").append(cancelled ? " (one was cancelled when mains returned)" : "").append('\n');
        } else if (dryRun) {
            s.append("dry run: would shut down, and called nothing:\n");
            plan.forEach(p -> s.append("  ").append(p).append('\n'));
        } else {
            s.append(cancelled ? "shutdown stopped when mains returned; done:\n" : "shutdown done:\n");
            done.forEach(d -> s.append("  ").append(d).append('\n'));
        }
        return s.toString();
    }
}
