package raypool.web.pool;

import java.util.ArrayList;
import java.util.List;
import raypool.web.access.Usage;

/**
 * Decides the XAPI calls for a power operation or a hardware change, from the VM as it is (pure). A halted
 * VM gets new limits (VM.set_VCPUs_max / set_VCPUs_at_startup, VM.set_memory_limits); a running one changes
 * live (VM.set_VCPUs_number_live, VM.set_memory_dynamic_range), which XAPI allows only within the VM's
 * static limits and refuses otherwise: that refusal is passed on, not second-guessed here.
 */
public final class ChangePlanner {
    private static final long MIB = 1L << 20;

    private ChangePlanner() {
    }

    public static ChangePlan power(VmView vm, PowerOp op) {
        XapiCall call = switch (op) {
            case START, RESUME -> XapiCall.of("VM." + op.wire(), vm.ref(), false, false);
            case CLEAN_SHUTDOWN, CLEAN_REBOOT, SUSPEND -> XapiCall.of("VM." + op.wire(), vm.ref());
        };
        Usage adds = switch (op) {
            case START, RESUME -> vm.running() ? Usage.NONE : vm.startUsage();
            case CLEAN_SHUTDOWN, SUSPEND, CLEAN_REBOOT -> Usage.NONE;
        };
        return new ChangePlan(List.of(call), adds);
    }

    /**
     * Attaching a network: VIF.create on the lowest free device number, then (the gateway, with the new
     * VIF's ref) VIF.plug when the VM runs; a halted VM's interface is plugged at its next start.
     */
    public static VifPlan attach(VmView vm, NetworkView network, List<VifView> existing) {
        int device = 0;
        while (deviceTaken(existing, device)) {
            device++;
        }
        java.util.Map<String, Object> record = new java.util.LinkedHashMap<>();
        record.put("device", Integer.toString(device));
        record.put("network", network.ref());
        record.put("VM", vm.ref());
        record.put("MAC", "");
        record.put("MTU", 1500L);
        record.put("other_config", java.util.Map.of());
        record.put("qos_algorithm_type", "");
        record.put("qos_algorithm_params", java.util.Map.of());
        return new VifPlan(XapiCall.of("VIF.create", record), vm.running());
    }

    /** Detaching: VIF.unplug while it is plugged, then VIF.destroy. */
    public static ChangePlan detach(VifView vif) {
        List<XapiCall> calls = new ArrayList<>();
        if (vif.attached()) {
            calls.add(XapiCall.of("VIF.unplug", vif.ref()));
        }
        calls.add(XapiCall.of("VIF.destroy", vif.ref()));
        return new ChangePlan(calls, Usage.NONE);
    }

    private static boolean deviceTaken(List<VifView> vifs, int device) {
        return vifs.stream().anyMatch(v -> v.device().equals(Integer.toString(device)));
    }

    public static ChangePlan hardware(VmView vm, HardwareChange change) {
        List<XapiCall> calls = new ArrayList<>();
        long vcpus = change.vcpus().orElse(vm.vcpus());
        long memory = change.memoryMib().orElse(vm.memoryMib());
        if (vm.running()) {
            if (vcpus != vm.vcpus()) {
                calls.add(XapiCall.of("VM.set_VCPUs_number_live", vm.ref(), vcpus));
            }
            if (memory != vm.memoryMib()) {
                calls.add(XapiCall.of("VM.set_memory_dynamic_range", vm.ref(), memory * MIB, memory * MIB));
            }
            return new ChangePlan(calls, new Usage(vcpus - vm.vcpus(), memory - vm.memoryMib(), 0));
        }
        if (vcpus != vm.vcpus()) {
            if (vcpus > vm.vcpusMax()) {
                calls.add(XapiCall.of("VM.set_VCPUs_max", vm.ref(), vcpus));
            }
            calls.add(XapiCall.of("VM.set_VCPUs_at_startup", vm.ref(), vcpus));
        }
        if (memory != vm.memoryMib()) {
            long staticMin = Math.min(vm.memoryStaticMinMib(), memory);
            long staticMax = Math.max(vm.memoryStaticMaxMib(), memory);
            calls.add(XapiCall.of("VM.set_memory_limits", vm.ref(), staticMin * MIB, staticMax * MIB, memory * MIB,
                    memory * MIB));
        }
        return new ChangePlan(calls, Usage.NONE);
    }
}
