package raypool.xapi.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/** A VM of the simulated pool (a guest, or a host's control domain). Mutable; guarded by the pool's lock. */
final class SimVm {
    final String ref;
    final String uuid;
    final String name;
    final int vcpus;
    final long memoryBytes;
    final boolean controlDomain;
    /** Index into the workload, -1 for control domains. */
    final int workloadIndex;
    final String metricsRef;
    final String metricsUuid;
    /** A disk on a host's local SR: pool_migrate refuses with VM_REQUIRES_SR. */
    final boolean localDisk;
    String powerState;
    String residentOn;
    /** task ref -> operation, as VM.current_operations. */
    final Map<String, String> currentOperations = new LinkedHashMap<>();
    /** VM.tags, in the order they were added (a set in XAPI). */
    final java.util.Set<String> tags = new java.util.LinkedHashSet<>();
    final Map<String, String> otherConfig = new LinkedHashMap<>();

    SimVm(String ref, String uuid, String name, int vcpus, long memoryBytes, boolean controlDomain, int workloadIndex,
          String metricsRef, String metricsUuid, boolean localDisk, String powerState, String residentOn) {
        this.ref = ref;
        this.uuid = uuid;
        this.name = name;
        this.vcpus = vcpus;
        this.memoryBytes = memoryBytes;
        this.controlDomain = controlDomain;
        this.workloadIndex = workloadIndex;
        this.metricsRef = metricsRef;
        this.metricsUuid = metricsUuid;
        this.localDisk = localDisk;
        this.powerState = powerState;
        this.residentOn = residentOn;
    }

    boolean running() {
        return "Running".equals(powerState);
    }
}
