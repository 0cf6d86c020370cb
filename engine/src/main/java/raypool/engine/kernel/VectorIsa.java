package raypool.engine.kernel;

import com.sun.management.HotSpotDiagnosticMXBean;
import jdk.incubator.vector.FloatVector;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Optional;

/**
 * The instruction set the Vector API compiles to on this JVM and CPU, as C2 sees it: on x86 the
 * {@code UseAVX} level HotSpot settled on (the CPU's best unless lowered by {@code -XX:UseAVX=N}) and the
 * float lanes of {@code FloatVector.SPECIES_PREFERRED} ({@code -XX:MaxVectorSize} narrows them).
 *
 * <p>Why the kernel cares: with AVX-512 (UseAVX 3) C2 holds vector masks in the k registers, and
 * {@code VectorMask.fromLong} is a single {@code kmov}; below it a mask is a vector of all-ones or zero
 * lanes and {@code fromLong} a sequence of scalar and vector instructions, which JDK 25 also miscompiles
 * in one pattern (see {@link LaneMasks}). The kernel picks how it builds masks from this.
 *
 * @param name    {@code avx512}, {@code avx2}, {@code avx}, {@code sse} on x86; the CPU architecture elsewhere
 * @param lanes   float lanes per vector
 * @param avxLevel HotSpot's UseAVX (x86), or -1 where there is none
 * @param fma     whether C2 emits fused multiply-add instructions (HotSpot's UseFMA; x86 has them from AVX2
 *                CPUs on, and HotSpot turns them off with UseAVX=0)
 */
public record VectorIsa(String name, int lanes, int avxLevel, boolean fma) {

    /** This JVM's: read once. */
    public static VectorIsa current() {
        return Holder.CURRENT;
    }

    /** Whether C2 holds vector masks in predicate registers (x86's k registers) at this level. */
    public boolean maskRegisters() {
        return avxLevel >= 3;
    }

    /** The short label results carry, e.g. {@code avx2-8}: instruction set and float lanes. */
    public String label() {
        return name + "-" + lanes;
    }

    static VectorIsa of(String arch, int avxLevel, int lanes, boolean fma) {
        String a = arch.toLowerCase(Locale.ROOT);
        if (!(a.equals("amd64") || a.equals("x86_64"))) {
            return new VectorIsa(a, lanes, -1, fma);
        }
        String name = switch (avxLevel) {
            case 0 -> "sse";
            case 1 -> "avx";
            case 2 -> "avx2";
            default -> "avx512";
        };
        return new VectorIsa(name, lanes, avxLevel, fma);
    }

    /** A HotSpot option's value, when this is HotSpot and the option exists on this CPU architecture. */
    static Optional<String> vmOption(String name) {
        try {
            var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Optional.of(vm.getVMOption(name).getValue());
        } catch (RuntimeException e) {
            // Not HotSpot, or an option of another architecture (UseAVX exists on x86 only).
            return Optional.empty();
        }
    }

    private static final class Holder {
        static final VectorIsa CURRENT = of(System.getProperty("os.arch", "unknown"),
            vmOption("UseAVX").map(Integer::parseInt).orElse(-1),
            FloatVector.SPECIES_PREFERRED.length(),
            // Elsewhere than HotSpot, assume the compiler fuses where the CPU can.
            vmOption("UseFMA").map(Boolean::parseBoolean).orElse(true));
    }
}
