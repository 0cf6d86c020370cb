package raypool.engine.kernel;

import com.sun.management.HotSpotDiagnosticMXBean;
import jdk.incubator.vector.FloatVector;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Whether the Vector API can make {@link SimdKernel} faster than {@link ScalarKernel} on this JVM and
 * CPU. It cannot when vectors are narrower than 4 floats (the packet work then costs more than it
 * saves: at 4 lanes the kernel is only 2.7x scalar), when C2, which turns Vector API calls into
 * instructions, is off (the interpreter and C1 run them as Java loops over arrays, 10-100x slower), or
 * when the CPU has no fused multiply-add (x86 before Haswell, such as Sandy Bridge, or any x86 with
 * -XX:UseAVX=0 or -XX:-UseFMA): {@code FloatVector.fma} must round once, so C2 leaves it to a Java loop
 * that allocates, and the kernel, which is built on it, ran 220 times slower than scalar (1387 against
 * 6.2 ms per frame of five at 200x150, UseAVX=0 on an AMD EPYC).
 */
public final class SimdSupport {

    /**
     * Fewest float lanes at which packets pay (measured on five: 4 lanes 2.7x, 8 lanes 5.2x, 16 lanes
     * 7.6x the scalar kernel; results/intel-xeon-avx512-2cpu/simd.md).
     */
    public static final int MIN_LANES = 4;

    private SimdSupport() {
    }

    /** Why SIMD gives no speed here, or empty when it does. */
    public static Optional<String> noSpeedReason() {
        return noSpeedReason(FloatVector.SPECIES_PREFERRED.length(), c2Compiles(), VectorIsa.current().fma());
    }

    static Optional<String> noSpeedReason(int lanes, boolean c2Compiles, boolean fma) {
        if (!c2Compiles) {
            return Optional.of("the C2 compiler is off (-Xint or -XX:TieredStopAtLevel below 4), so Vector API "
                + "calls run as plain Java loops");
        }
        if (lanes < MIN_LANES) {
            return Optional.of("vectors hold only " + lanes + " float lane" + (lanes == 1 ? "" : "s")
                + " on this CPU/JVM (at least " + MIN_LANES + " needed)");
        }
        if (!fma) {
            return Optional.of("no fused multiply-add instructions on this CPU/JVM (UseFMA is off), so "
                + "FloatVector.fma runs as a Java loop");
        }
        return Optional.empty();
    }

    private static boolean c2Compiles() {
        try {
            var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            boolean compiler = Boolean.parseBoolean(vm.getVMOption("UseCompiler").getValue());
            boolean tiered = Boolean.parseBoolean(vm.getVMOption("TieredCompilation").getValue());
            int stopAt = Integer.parseInt(vm.getVMOption("TieredStopAtLevel").getValue());
            return compiler && (!tiered || stopAt >= 4);
        } catch (RuntimeException e) {
            // Not HotSpot: no way to ask; assume its compiler handles the Vector API.
            return true;
        }
    }
}
