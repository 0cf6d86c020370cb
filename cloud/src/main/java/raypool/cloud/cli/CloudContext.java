package raypool.cloud.cli;

import java.nio.file.Path;
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
}
