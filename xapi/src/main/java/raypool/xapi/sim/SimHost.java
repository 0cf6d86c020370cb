package raypool.xapi.sim;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** A host of the simulated pool. Mutable; guarded by the pool's lock. */
final class SimHost {
    final String ref;
    final String uuid;
    /** The name label; a scenario may rename a host (a host of its own about to join is not host-1). */
    String name;
    final String address;
    final int threads;
    final long memoryBytes;
    final String metricsRef;
    final String metricsUuid;
    final Set<String> residentVms = new LinkedHashSet<>();
    /** Memory promised to incoming migrations, as xapi reserves it before moving pages. */
    long reservedBytes;
    boolean enabled = true;
    boolean live = true;
    long metricsUpdatedMillis;
    /** How host.power_on reaches it ("wake-on-lan", "iLO", "DRAC", ...); "" when it cannot be powered on. */
    String powerOnMode = "";
    Map<String, String> powerOnConfig = Map.of();
    /** The management interface (PIF) on the pool-wide network; set by the stand. */
    String pifRef = Records.NULL_REF;
    String pifUuid = "";
    /** When a host powering on becomes live; -1 when it is not booting. */
    long bootsAtMillis = -1;

    SimHost(String ref, String uuid, String name, String address, int threads, long memoryBytes, String metricsRef,
            String metricsUuid) {
        this.ref = ref;
        this.uuid = uuid;
        this.name = name;
        this.address = address;
        this.threads = threads;
        this.memoryBytes = memoryBytes;
        this.metricsRef = metricsRef;
        this.metricsUuid = metricsUuid;
    }

    boolean booting() {
        return bootsAtMillis >= 0;
    }
}
