package raypool.cloud.cli;

import java.nio.file.Path;
import java.time.Clock;
import raypool.cloud.audit.AuditLog;
import raypool.cloud.audit.AuditTrail;
import raypool.cloud.plan.PlanRunner;
import raypool.cloud.view.PoolReader;
import raypool.cloud.view.PoolView;
import raypool.xapi.client.XapiClient;
import raypool.xapi.connect.RemotePool;

/**
 * What a command runs with: the open pool, who is logged in, where changes are audited, and the
 * command's own name (written into each audit record).
 */
public record CloudContext(RemotePool pool, String user, Path auditLog, String command) {
    public XapiClient client() {
        return pool.client();
    }

    /** The pool as it is now, read in one pass. */
    public PoolView view() {
        return PoolReader.read(client());
    }

    /** Runs plans on this pool, auditing each change into {@link #auditLog()}. */
    public PlanRunner runner(PoolView view) {
        return new PlanRunner(client(), audit(view));
    }

    /** The audit records of this command on this pool. */
    public AuditTrail audit(PoolView view) {
        return new AuditTrail(new AuditLog(auditLog), new AuditTrail.Stamp(command, user, view.pool().uuid()), Clock.systemUTC());
    }
}
