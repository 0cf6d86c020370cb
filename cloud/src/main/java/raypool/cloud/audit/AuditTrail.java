package raypool.cloud.audit;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Writes the audit records of one command run: who, on which pool, at what time, each call with its outcome. */
public final class AuditTrail {
    /** Who runs the command, on which pool. */
    public record Stamp(String command, String user, String poolUuid) {
    }

    private final AuditLog log;
    private final Stamp stamp;
    private final Clock clock;

    public AuditTrail(AuditLog log, Stamp stamp, Clock clock) {
        this.log = log;
        this.stamp = stamp;
        this.clock = clock;
    }

    public Stamp stamp() {
        return stamp;
    }

    /** Before the first change: the log must be writable (bad input otherwise, nothing changed). */
    public void requireWritable() {
        log.requireWritable();
    }

    public void done(String call, List<String> args, String target, String reason) {
        log.append(new AuditRecord(clock.instant(), stamp.command(), stamp.user(), stamp.poolUuid(), call, args, target, reason,
                AuditRecord.Outcome.DONE, Optional.empty()));
    }

    public void refused(String call, List<String> args, String target, String reason, String error) {
        log.append(new AuditRecord(clock.instant(), stamp.command(), stamp.user(), stamp.poolUuid(), call, args, target, reason,
                AuditRecord.Outcome.REFUSED, Optional.of(error)));
    }
}
