package raypool.xapi.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/** A VM of the simulated pool (a guest, or a host's control domain). Mutable; guarded by the pool's lock. */
final class SimVm {
    final String ref;
    final String uuid;
    final String name;
    /** VCPUs_at_startup, and the live count while running (VM.set_VCPUs_number_live changes it). */
    int vcpus;
    /** VCPUs_max: the ceiling for live changes; changed only while halted. */
    int vcpusMax;
    /** The memory the VM has (dynamic_min = dynamic_max = target here). */
    long memoryBytes;
    /** memory_static_min / memory_static_max: the range live memory changes stay within. */
    long memoryStaticMin;
    long memoryStaticMax;
    final boolean controlDomain;
    /** Index into the workload, -1 for control domains. */
    final int workloadIndex;
    final String metricsRef;
    final String metricsUuid;
    /** A disk on a host's local SR: pool_migrate refuses with VM_REQUIRES_SR. */
    final boolean localDisk;
    /** Where a local disk lives once its VM has stopped there ("" until then): it can start only there. */
    String diskHost = "";
    String powerState;
    String residentOn;
    /** task ref -> operation, as VM.current_operations. */
    final Map<String, String> currentOperations = new LinkedHashMap<>();
    /** VM.tags, in the order they were added (a set in XAPI). */
    final java.util.Set<String> tags = new java.util.LinkedHashSet<>();
    final Map<String, String> otherConfig = new LinkedHashMap<>();

    /** What the stand makes a VM of. {@code workloadIndex} is -1 for control domains. */
    record Spec(String name, int vcpus, long memoryBytes, boolean controlDomain, int workloadIndex, boolean localDisk) {
    }

    /** Takes the VM's ref, uuid, metrics ref and metrics uuid from {@code ids}, in that order. */
    SimVm(SimIds ids, Spec spec, String powerState, String residentOn) {
        this.ref = ids.ref();
        this.uuid = ids.uuid();
        this.metricsRef = ids.ref();
        this.metricsUuid = ids.uuid();
        this.name = spec.name();
        this.vcpus = spec.vcpus();
        this.vcpusMax = spec.vcpus();
        this.memoryBytes = spec.memoryBytes();
        this.memoryStaticMax = spec.memoryBytes();
        this.memoryStaticMin = Math.min(spec.memoryBytes(), 1L << 29);
        this.controlDomain = spec.controlDomain();
        this.workloadIndex = spec.workloadIndex();
        this.localDisk = spec.localDisk();
        this.powerState = powerState;
        this.residentOn = residentOn;
    }

    boolean running() {
        return "Running".equals(powerState);
    }
}
