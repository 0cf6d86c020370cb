package raypool.xapi.sim;

import java.util.List;

/** A task of the simulated pool. Mutable; guarded by the pool's lock. */
final class SimTask {
    final String ref;
    final String uuid;
    final String nameLabel;
    final String session;
    final long createdMillis;
    String status = "pending";
    double progress;
    long finishedMillis;
    /** XML-RPC value fragment, as xapi stores it: {@code <value>...</value>}, or "" until success. */
    String result = "";
    List<String> errorInfo = List.of();
    boolean cancelRequested;

    SimTask(String ref, String uuid, String nameLabel, String session, long createdMillis) {
        this.ref = ref;
        this.uuid = uuid;
        this.nameLabel = nameLabel;
        this.session = session;
        this.createdMillis = createdMillis;
    }

    boolean pending() {
        return "pending".equals(status) || "cancelling".equals(status);
    }
}
