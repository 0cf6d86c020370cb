package raypool.engine.testing;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The x86 level a test execution was asked to run at, and whether this CPU can. The build runs the SIMD
 * tests once per level ({@code -XX:UseAVX=3/2/1/0}, {@code -XX:MaxVectorSize=64/32/16}, see
 * engine/pom.xml) and names the level asked for in system properties: {@value #USE_AVX} and
 * {@value #VECTOR_BYTES}. HotSpot lowers a level the CPU lacks to the best it has (UseAVX=3 on an AVX2-only
 * CPU runs at 2), which another execution already covers; so such an execution is skipped, with the
 * reason in the test report and on the console, never run twice under a wrong name nor passed silently.
 */
public final class IsaLevel implements ExecutionCondition {

    /** UseAVX asked for by the build, if any. */
    public static final String USE_AVX = "raypool.isa.useAvx";
    /** MaxVectorSize in bytes asked for by the build, if any. */
    public static final String VECTOR_BYTES = "raypool.isa.vectorBytes";
    /** The label VectorIsa must report at that level, e.g. avx2-8. */
    public static final String EXPECTED = "raypool.isa.expected";

    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<String> reason = missing();
        if (reason.isEmpty()) {
            return ConditionEvaluationResult.enabled("this CPU runs the level asked for");
        }
        if (SAID.compareAndSet(false, true)) {
            System.out.println("[isa] skipping this execution: " + reason.get());
        }
        return ConditionEvaluationResult.disabled(reason.get());
    }

    /** Why this CPU cannot run the level asked for, or empty when it can (or none was asked for). */
    public static Optional<String> missing() {
        Optional<Integer> askedAvx = integer(USE_AVX);
        Optional<Integer> askedBytes = integer(VECTOR_BYTES);
        if (askedAvx.isPresent()) {
            int runs = Integer.parseInt(vmOption("UseAVX"));
            if (runs < askedAvx.get()) {
                return Optional.of("this CPU lacks " + avxName(askedAvx.get()) + " (UseAVX=" + askedAvx.get()
                    + " asked for, HotSpot runs at UseAVX=" + runs + ", which its own execution tests)");
            }
        }
        if (askedBytes.isPresent()) {
            int runs = Integer.parseInt(vmOption("MaxVectorSize"));
            if (runs < askedBytes.get()) {
                return Optional.of("this CPU's vectors are at most " + runs + " bytes (MaxVectorSize="
                    + askedBytes.get() + " asked for; the " + runs + "-byte execution tests that width)");
            }
        }
        return Optional.empty();
    }

    private static String avxName(int level) {
        return switch (level) {
            case 3 -> "AVX-512";
            case 2 -> "AVX2";
            case 1 -> "AVX";
            default -> "level " + level;
        };
    }

    private static Optional<Integer> integer(String property) {
        String v = System.getProperty(property);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(Integer.parseInt(v.trim()));
    }

    private static String vmOption(String name) {
        return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name).getValue();
    }
}
