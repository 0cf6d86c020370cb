package raypool.xapi.sim;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The VM calls a self-service user makes beyond start and shutdown ({@link SimPower}), with xapi's
 * preconditions and error codes (xapi_vm_lifecycle.ml, xapi_vm_memory_constraints.ml): clean_reboot,
 * suspend and resume, and the hardware settings (vCPUs at startup or live, memory limits or the
 * live dynamic range). Every method runs under the pool's lock and records the VM's change as an event.
 */
final class VmLifecycle {
    private final SimPool pool;

    VmLifecycle(SimPool pool) {
        this.pool = pool;
    }

    /** VM.resume(vm, start_paused, force): a suspended VM runs again, placed as a start is. */
    void resume(String vmRef) {
        pool.lock.lock();
        try {
            SimVm vm = guest(vmRef);
            requireState(vm, "Suspended");
            run(vm, placement(vm));
        } finally {
            pool.lock.unlock();
        }
    }

    void suspend(String vmRef) {
        stop(vmRef, "Suspended");
    }

    /** VM.clean_reboot: the VM must run; it stays where it is. */
    void cleanReboot(String vmRef) {
        pool.lock.lock();
        try {
            SimVm vm = guest(vmRef);
            requireState(vm, "Running");
            requireIdle(vm);
            pool.vmChanged(vm);
        } finally {
            pool.lock.unlock();
        }
    }

    /** VM.set_VCPUs_at_startup: halted VMs only; 1 <= n <= VCPUs_max. */
    void setVcpusAtStartup(String vmRef, long count) {
        pool.lock.lock();
        try {
            SimVm vm = guest(vmRef);
            requireState(vm, "Halted");
            if (count < 1 || count > vm.vcpusMax) {
                throw new SimError("VALUE_NOT_SUPPORTED", "VCPUs_at_startup", Long.toString(count),
                        "must be between 1 and VCPUs_max (" + vm.vcpusMax + ")");
            }
            vm.vcpus = (int) count;
            pool.vmChanged(vm);
        } finally {
            pool.lock.unlock();
        }
    }

    /** VM.set_VCPUs_max: halted VMs only; at least VCPUs_at_startup. */
    void setVcpusMax(String vmRef, long count) {
        pool.lock.lock();
        try {
            SimVm vm = guest(vmRef);
            requireState(vm, "Halted");
            if (count < vm.vcpus || count > 64) {
                throw new SimError("VALUE_NOT_SUPPORTED", "VCPUs_max", Long.toString(count),
                        "must be between VCPUs_at_startup (" + vm.vcpus + ") and 64");
            }
            vm.vcpusMax = (int) count;
            pool.vmChanged(vm);
        } finally {
            pool.lock.unlock();
        }
    }

    /** VM.set_VCPUs_number_live: running VMs only, up to VCPUs_max. */
    void setVcpusLive(String vmRef, long count) {
        pool.lock.lock();
        try {
            SimVm vm = guest(vmRef);
            requireState(vm, "Running");
            if (count < 1 || count > vm.vcpusMax) {
                throw new SimError("VALUE_NOT_SUPPORTED", "VCPU values", Long.toString(count),
                        "must be between 1 and VCPUs_max (" + vm.vcpusMax + ")");
            }
            vm.vcpus = (int) count;
            pool.vmChanged(vm);
        } finally {
            pool.lock.unlock();
        }
    }

    /**
     * VM.set_memory_limits(vm, static_min, static_max, dynamic_min, dynamic_max): halted VMs only;
     * static_min <= dynamic_min <= dynamic_max <= static_max, else MEMORY_CONSTRAINT_VIOLATION. Here the
     * dynamic range is one value (a VM has what it is given), so dynamic_min must equal dynamic_max.
     */
    void setMemoryLimits(String vmRef, long staticMin, long staticMax, long dynamicMin, long dynamicMax) {
        pool.lock.lock();
        try {
            SimVm vm = guest(vmRef);
            requireState(vm, "Halted");
            if (!(staticMin <= dynamicMin && dynamicMin <= dynamicMax && dynamicMax <= staticMax) || staticMin <= 0) {
                throw new SimError("MEMORY_CONSTRAINT_VIOLATION", "Memory limits must satisfy: static_min <= dynamic_min"
                        + " <= dynamic_max <= static_max");
            }
            requireOneDynamicValue(dynamicMin, dynamicMax);
            vm.memoryStaticMin = staticMin;
            vm.memoryStaticMax = staticMax;
            vm.memoryBytes = dynamicMax;
            pool.vmChanged(vm);
        } finally {
            pool.lock.unlock();
        }
    }

    /**
     * VM.set_memory_dynamic_range(vm, min, max): live, within the static limits; growing needs the memory
     * free on the VM's host (HOST_NOT_ENOUGH_FREE_MEMORY [needed, available]).
     */
    void setMemoryDynamicRange(String vmRef, long min, long max) {
        pool.lock.lock();
        try {
            SimVm vm = guest(vmRef);
            if (!(vm.memoryStaticMin <= min && min <= max && max <= vm.memoryStaticMax)) {
                throw new SimError("MEMORY_CONSTRAINT_VIOLATION", "Memory limits must satisfy: static_min <= dynamic_min"
                        + " <= dynamic_max <= static_max (static " + vm.memoryStaticMin + ".." + vm.memoryStaticMax + ")");
            }
            requireOneDynamicValue(min, max);
            if (vm.running()) {
                long free = pool.freeMemory(pool.host(vm.residentOn).orElseThrow());
                long more = max - vm.memoryBytes;
                if (more > free) {
                    throw new SimError("HOST_NOT_ENOUGH_FREE_MEMORY", Long.toString(more), Long.toString(free));
                }
            }
            vm.memoryBytes = max;
            pool.vmChanged(vm);
        } finally {
            pool.lock.unlock();
        }
    }

    private static void requireOneDynamicValue(long min, long max) {
        if (min != max) {
            throw new SimError("VALUE_NOT_SUPPORTED", "dynamic_min", Long.toString(min),
                    "the simulated pool gives a VM one memory size: dynamic_min must equal dynamic_max");
        }
    }

    private void stop(String vmRef, String to) {
        pool.lock.lock();
        try {
            SimVm vm = guest(vmRef);
            requireState(vm, "Running");
            requireIdle(vm);
            SimHost host = pool.host(vm.residentOn).orElseThrow();
            if (vm.localDisk) {
                vm.diskHost = host.ref;
            }
            host.residentVms.remove(vm.ref);
            vm.residentOn = Records.NULL_REF;
            vm.powerState = to;
            powerChanged(vm, host);
        } finally {
            pool.lock.unlock();
        }
    }

    private void run(SimVm vm, SimHost host) {
        host.residentVms.add(vm.ref);
        vm.residentOn = host.ref;
        vm.powerState = "Running";
        powerChanged(vm, host);
    }

    /** The VM, its interfaces (plugged while it runs) and its host changed. */
    private void powerChanged(SimVm vm, SimHost host) {
        List<String> vifs = pool.networks.powerChanged(vm);
        List<String> vbds = pool.disks.powerChanged(vm);
        pool.vmChanged(vm);
        vifs.forEach(v -> pool.changed("VIF", "mod", v));
        vbds.forEach(b -> pool.changed("VBD", "mod", b));
        pool.hostMetricsChanged(host);
    }

    private SimHost placement(SimVm vm) {
        List<SimHost> fits = pool.hostList().stream().filter(h -> h.live && h.enabled)
                .filter(h -> pool.freeMemory(h) >= vm.memoryBytes).toList();
        if (vm.localDisk && !vm.diskHost.isEmpty()) {
            fits = fits.stream().filter(h -> h.ref.equals(vm.diskHost)).toList();
        }
        return fits.stream().max(Comparator.comparingLong(pool::freeMemory))
                .orElseThrow(() -> new SimError("NO_HOSTS_AVAILABLE"));
    }

    private SimVm guest(String vmRef) {
        SimVm vm = pool.requireVm(vmRef);
        if (vm.controlDomain) {
            throw new SimError("OPERATION_NOT_ALLOWED", "this operation is not allowed on a control domain");
        }
        return vm;
    }

    private static void requireState(SimVm vm, String expected) {
        if (!vm.powerState.equals(expected)) {
            throw new SimError("VM_BAD_POWER_STATE", vm.ref, expected.toLowerCase(Locale.ROOT),
                    vm.powerState.toLowerCase(Locale.ROOT));
        }
    }

    private static void requireIdle(SimVm vm) {
        if (!vm.currentOperations.isEmpty()) {
            var op = vm.currentOperations.entrySet().iterator().next();
            throw new SimError("OTHER_OPERATION_IN_PROGRESS", "VM", vm.ref, op.getValue(), op.getKey());
        }
    }
}
