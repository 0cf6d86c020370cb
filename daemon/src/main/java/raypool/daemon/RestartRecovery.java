package raypool.daemon;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import raypool.daemon.audit.AuditEvent;
import raypool.daemon.audit.AuditLog;

/**
 * Rebuilds the daemon's memory from its audit log at start: every event is applied in order, as it
 * was when written ({@link DaemonMemory#apply}), so migrations started and not ended are observed
 * (never issued again), cooldowns and holds continue, and hosts it powered off stay its standby hosts.
 * A migration asked for whose start was never recorded counts as moved. Lines that cannot be read (a
 * last line torn by a crash) are counted and skipped.
 */
public final class RestartRecovery {
    private RestartRecovery() {
    }

    /**
     * @param recent the latest migrations done, newest first, at most {@code keep} of them
     */
    public record Recovered(DaemonMemory memory, List<AuditEvent.MigrationDone> recent, int lines, int unreadable) {
    }

    public static Recovered from(Path file, int keep) {
        return from(AuditLog.read(file), keep);
    }

    public static Recovered from(AuditLog.Contents log, int keep) {
        DaemonMemory memory = DaemonMemory.EMPTY;
        Deque<AuditEvent.MigrationDone> recent = new ArrayDeque<>();
        for (AuditEvent e : log.events()) {
            memory = memory.apply(e);
            if (e instanceof AuditEvent.MigrationDone done) {
                recent.addFirst(done);
                while (recent.size() > keep) {
                    recent.removeLast();
                }
            }
        }
        return new Recovered(memory.settleUnconfirmed(), List.copyOf(recent), log.events().size(), log.unreadable());
    }
}
