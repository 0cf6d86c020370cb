package raypool.cloud.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One change a cloud command made (or tried): a line of the audit log.
 *
 * @param command  the command line's command, "cloud network create-private"
 * @param pool     the pool's UUID
 * @param call     the XAPI method
 * @param args     the arguments as shown to a person (names for refs, *** for secrets)
 * @param target   the object changed, by name
 * @param outcome  {@link Outcome#DONE} or {@link Outcome#REFUSED}
 * @param error    the XAPI error code and parameters when refused
 */
public record AuditRecord(Instant at, String command, String user, String pool, String call, List<String> args,
                          String target, String reason, Outcome outcome, Optional<String> error) {

    public AuditRecord {
        args = List.copyOf(args);
    }

    public enum Outcome { DONE, REFUSED }
}
