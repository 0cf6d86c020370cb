package raypool.cloud.boot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import raypool.cloud.plan.Arg;
import raypool.cloud.plan.Plan;
import raypool.cloud.plan.Step;
import raypool.cloud.view.VmView;

/**
 * The boot fix, decided per VM (pure): a guest from the Ubuntu template boots PV through the installer's
 * bootloader and finds no source; booting it HVM, CD then disk, works. The fix sets
 * {@code HVM_boot_policy = "BIOS order"} and {@code HVM_boot_params:order = "dc"}, only what differs.
 */
public final class BootFix {
    public static final String POLICY = "BIOS order";
    public static final String ORDER = "dc";

    /** What the fix found for one VM. */
    public enum Verdict {
        /** Boot parameters set now (or, with --dry-run, would be). */
        FIXED,
        /** Already "BIOS order" with order "dc". */
        ALREADY_FIXED,
        /** Boots as configured (PV with pygrub, or HVM with an order of its own); --all leaves it alone. */
        BOOTS_AS_CONFIGURED
    }

    /** One VM's line of the report. */
    public record VmBoot(String vm, String uuid, String powerState, String policyBefore, String orderBefore, Verdict verdict,
                         String note) {
    }

    /** The plan and the per-VM report. */
    public record Decision(Plan plan, List<VmBoot> vms) {
    }

    private BootFix() {
    }

    /**
     * Whether the VM would fail the way the original cloud's Ubuntu guests did: no HVM boot policy and no
     * bootloader that boots its disk (the installer's eliloader, or none), or HVM without a boot order.
     */
    public static boolean wouldFail(VmView vm) {
        if (vm.hvmBootPolicy().isEmpty()) {
            return !vm.pvBootloader().equals("pygrub");
        }
        return vm.hvmBootPolicy().equals(POLICY) && vm.hvmBootParams().getOrDefault("order", "").isEmpty();
    }

    static boolean fixed(VmView vm) {
        return vm.hvmBootPolicy().equals(POLICY) && ORDER.equals(vm.hvmBootParams().get("order"));
    }

    /** @param explicit the VMs were named one by one (fix each that differs), not found by --all (fix those that would fail) */
    public static Decision decide(List<VmView> vms, boolean explicit) {
        Plan.Builder plan = Plan.builder();
        List<VmBoot> report = new ArrayList<>();
        for (VmView vm : vms) {
            String order = vm.hvmBootParams().getOrDefault("order", "");
            if (fixed(vm)) {
                report.add(new VmBoot(vm.name(), vm.uuid(), vm.powerState(), vm.hvmBootPolicy(), order, Verdict.ALREADY_FIXED, ""));
                continue;
            }
            if (!explicit && !wouldFail(vm)) {
                report.add(new VmBoot(vm.name(), vm.uuid(), vm.powerState(), vm.hvmBootPolicy(), order,
                        Verdict.BOOTS_AS_CONFIGURED, vm.hvmBootPolicy().isEmpty() ? "PV, boots with pygrub" : "HVM, order " + order));
                continue;
            }
            if (!vm.hvmBootPolicy().equals(POLICY)) {
                plan.add(Step.of("VM.set_HVM_boot_policy", vm.name(), "boot " + vm.name() + " as HVM from the BIOS order",
                        Arg.ref(vm.ref(), vm.name()), Arg.text(POLICY)));
            }
            if (!ORDER.equals(order)) {
                Map<String, String> params = new LinkedHashMap<>(vm.hvmBootParams());
                params.put("order", ORDER);
                plan.add(Step.of("VM.set_HVM_boot_params", vm.name(), "CD first, then disk: the installer finds its source",
                        Arg.ref(vm.ref(), vm.name()), Arg.map(params)));
            }
            report.add(new VmBoot(vm.name(), vm.uuid(), vm.powerState(), vm.hvmBootPolicy(), order, Verdict.FIXED,
                    vm.running() ? "takes effect at its next start" : ""));
        }
        return new Decision(plan.build(), report);
    }
}
