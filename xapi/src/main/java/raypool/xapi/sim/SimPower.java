package raypool.xapi.sim;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Starting and stopping VMs, and rebooting hosts, in the simulated pool, with xapi's checks in its
 * order: VM.start needs a halted VM (VM_BAD_POWER_STATE [vm, halted, actual]), a valid licence on the
 * host it would run on (LICENSE_EXPIRED), a live enabled host with room (NO_HOSTS_AVAILABLE), and a
 * guest that finds something to boot (INVALID_SOURCE: what the original cloud's Ubuntu installs
 * showed; not an error code xapi itself has). VM.clean_shutdown fails with
 * VM_FAILED_SHUTDOWN_ACKNOWLEDGMENT for a guest that ignores it; VM.hard_shutdown always works on a
 * running VM. host.reboot needs a disabled host without guests and drops its external authentication.
 * Callers hold the pool's lock.
 */
final class SimPower {
    private final SimPool pool;

    SimPower(SimPool pool) {
        this.pool = pool;
    }

    /** VM.start / VM.start_on: returns the host the VM runs on. */
    String start(String vmRef, Optional<String> onHost) {
        SimVm vm = pool.requireVm(vmRef);
        if (vm.controlDomain) {
            throw new SimError("OPERATION_NOT_ALLOWED", "a control domain is started by its host");
        }
        if (!vm.powerState.equals("Halted")) {
            throw new SimError("VM_BAD_POWER_STATE", vmRef, "halted", vm.powerState.toLowerCase(Locale.ROOT));
        }
        SimHost host = onHost.map(pool::requireHost).orElseGet(() -> pick(vm));
        long now = pool.clock().nowMillis();
        if (pool.licences.expired(host.ref, now)) {
            throw new SimError("LICENSE_EXPIRED");
        }
        if (!host.live) {
            throw new SimError("HOST_OFFLINE", host.ref);
        }
        if (!host.enabled) {
            throw new SimError("HOST_DISABLED", host.ref);
        }
        long free = pool.freeMemory(host);
        if (free < vm.memoryBytes) {
            throw new SimError("HOST_NOT_ENOUGH_FREE_MEMORY", Long.toString(vm.memoryBytes), Long.toString(free));
        }
        if (!pool.guests.of(vm).bootable()) {
            throw new SimError("INVALID_SOURCE", vmRef, "no bootable device: the installer found no source on the CD-ROM");
        }
        vm.powerState = "Running";
        vm.residentOn = host.ref;
        host.residentVms.add(vm.ref);
        powerChanged(vm, host);
        return host.ref;
    }

    /** The live, enabled host with the most free memory that takes the VM (the licence is checked after). */
    private SimHost pick(SimVm vm) {
        return pool.hostList().stream().filter(h -> h.live && h.enabled && pool.freeMemory(h) >= vm.memoryBytes)
                .max(Comparator.comparingLong(pool::freeMemory))
                .orElseThrow(() -> new SimError("NO_HOSTS_AVAILABLE"));
    }

    void cleanShutdown(String vmRef) {
        SimVm vm = running(vmRef);
        if (pool.guests.of(vm).ignoresCleanShutdown) {
            throw new SimError("VM_FAILED_SHUTDOWN_ACKNOWLEDGMENT", vmRef, "the guest did not acknowledge the shutdown");
        }
        halt(vm);
    }

    void hardShutdown(String vmRef) {
        halt(running(vmRef));
    }

    private SimVm running(String vmRef) {
        SimVm vm = pool.requireVm(vmRef);
        if (vm.controlDomain) {
            throw new SimError("OPERATION_NOT_ALLOWED", "a control domain stops with its host");
        }
        if (!vm.running()) {
            throw new SimError("VM_BAD_POWER_STATE", vmRef, "running", vm.powerState.toLowerCase(Locale.ROOT));
        }
        if (!vm.currentOperations.isEmpty()) {
            var op = vm.currentOperations.entrySet().iterator().next();
            throw new SimError("OTHER_OPERATION_IN_PROGRESS", "VM", vm.ref, op.getValue(), op.getKey());
        }
        return vm;
    }

    private void halt(SimVm vm) {
        SimHost host = pool.requireHost(vm.residentOn);
        host.residentVms.remove(vm.ref);
        vm.powerState = "Halted";
        vm.residentOn = Records.NULL_REF;
        powerChanged(vm, host);
    }

    private void powerChanged(SimVm vm, SimHost host) {
        List<String> vifs = pool.networks.powerChanged(vm);
        List<String> vbds = pool.disks.powerChanged(vm);
        pool.changed("VM", "mod", vm.ref);
        vifs.forEach(v -> pool.changed("VIF", "mod", v));
        vbds.forEach(b -> pool.changed("VBD", "mod", b));
        pool.changed("host", "mod", host.ref);
    }

    /** host.reboot: disabled first (HOST_NOT_DISABLED), no guests (HOST_IN_USE); it comes back without its domain. */
    void rebootHost(String hostRef) {
        SimHost h = pool.requireHost(hostRef);
        if (h.enabled) {
            throw new SimError("HOST_NOT_DISABLED");
        }
        Optional<String> guest = h.residentVms.stream().filter(v -> !pool.requireVm(v).controlDomain).findFirst();
        if (guest.isPresent()) {
            throw new SimError("HOST_IN_USE", hostRef, "vm", guest.get());
        }
        pool.auth.dropOnReboot(hostRef);
        h.enabled = true;
        pool.changed("host", "mod", hostRef);
    }
}
