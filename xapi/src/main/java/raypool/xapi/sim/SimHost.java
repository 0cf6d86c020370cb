package raypool.xapi.sim;

import java.util.LinkedHashSet;
import java.util.Set;

/** A host of the simulated pool. Mutable; guarded by the pool's lock. */
final class SimHost {
    final String ref;
    final String uuid;
    final String name;
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
}
