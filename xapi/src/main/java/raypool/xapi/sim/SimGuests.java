package raypool.xapi.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the simulated pool keeps of each VM beyond its size and place: boot parameters
 * (HVM_boot_policy, HVM_boot_params, PV_bootloader), VM.order / start_delay / shutdown_delay, and two
 * behaviours of a guest: an Ubuntu installer VM made from the standard template that finds nothing to
 * boot (INVALID_SOURCE) until it boots HVM with order "dc", and a guest without PV drivers that does
 * not acknowledge a clean shutdown. Guarded by the pool's lock.
 */
final class SimGuests {
    /** The boot policy and order the fix sets: BIOS order, CD first then disk. */
    static final String BIOS_ORDER = "BIOS order";

    static final class Guest {
        String bootPolicy;
        Map<String, String> bootParams;
        String pvBootloader;
        long order;
        long startDelay;
        long shutdownDelay;
        /** An installer from the Ubuntu template: VM.start fails with INVALID_SOURCE until it boots HVM, "dc". */
        boolean ubuntuInstaller;
        /** No PV drivers: VM.clean_shutdown is never acknowledged. */
        boolean ignoresCleanShutdown;

        Guest(String bootPolicy, Map<String, String> bootParams, String pvBootloader) {
            this.bootPolicy = bootPolicy;
            this.bootParams = new LinkedHashMap<>(bootParams);
            this.pvBootloader = pvBootloader;
        }

        /** Whether the guest finds something to boot from. */
        boolean bootable() {
            return !ubuntuInstaller || BIOS_ORDER.equals(bootPolicy) && bootParams.getOrDefault("order", "").startsWith("d");
        }
    }

    private final Map<String, Guest> byVm = new LinkedHashMap<>();

    Guest of(SimVm v) {
        return byVm.computeIfAbsent(v.ref, k -> v.controlDomain ? new Guest("", Map.of(), "")
                : new Guest(BIOS_ORDER, Map.of("order", "dc", "firmware", "bios"), ""));
    }

    /** A VM made from the Ubuntu template: PV with the installer's bootloader, installing from CD. */
    void makeUbuntuInstaller(SimVm v) {
        Guest g = of(v);
        g.bootPolicy = "";
        g.bootParams = new LinkedHashMap<>();
        g.pvBootloader = "eliloader";
        g.ubuntuInstaller = true;
        v.otherConfig.put("base_template_name", "Ubuntu Precise Pangolin 12.04 (64-bit)");
        v.otherConfig.put("install-repository", "cdrom");
    }

    void decorateVm(SimVm v, Map<String, Object> r) {
        Guest g = of(v);
        r.put("HVM_boot_policy", g.bootPolicy);
        r.put("HVM_boot_params", new LinkedHashMap<>(g.bootParams));
        r.put("PV_bootloader", g.pvBootloader);
        r.put("domain_type", v.controlDomain || g.bootPolicy.isEmpty() ? "pv" : "hvm");
        r.put("order", g.order);
        r.put("start_delay", g.startDelay);
        r.put("shutdown_delay", g.shutdownDelay);
    }
}
