package raypool.engine.kernel;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import raypool.engine.testing.C2Compilations;
import raypool.engine.testing.IsaLevel;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The reduced form of the defect that made AVX2 images wrong: a mask turned into a long and back,
 * {@code VectorMask.fromLong(s, m.toLong())}, is all false once C2 has compiled it on x86 without AVX-512
 * (JDK 25.0.3; see {@link LaneMasks}). The kernel's own way back from a long, the lane test, must be right
 * at every level; the JDK's is checked where masks live in registers and reported elsewhere, so the day a
 * JDK fixes it shows up in the test report (the skip reason disappears).
 */
@Tag("isa")
@ExtendWith(IsaLevel.class)
class JdkMaskRoundTripTest {

    @Test
    void theKernelsLaneTestIsRightOnceC2HasCompiledIt() {
        assertEquals(0, wrongLanesAfterC2("laneTest", MaskRoundTrips::laneTest),
            "lanes wrong at " + VectorIsa.current().label());
    }

    @Test
    void theJdksFromLongRoundTripIsRightWhereMasksLiveInRegisters() {
        int wrong = wrongLanesAfterC2("fromLong", MaskRoundTrips::fromLong);
        VectorIsa isa = VectorIsa.current();
        if (isa.maskRegisters()) {
            assertEquals(0, wrong, "fromLong(toLong()) at " + isa.label());
        } else {
            assumeTrue(wrong == 0, "JDK " + Runtime.version() + " still miscompiles VectorMask.fromLong(m.toLong()) at "
                + isa.label() + " (" + wrong + " of " + LANES + " lanes wrong): the kernel must keep the lane test");
        }
    }

    private static final int LANES = 64;
    private static final int MARK = MaskRoundTrips.MARK;

    private interface RoundTrip {
        void run(float[] in, int[] out);
    }

    /** Runs the round trip until C2 has compiled it, then counts the lanes it gets wrong. */
    private static int wrongLanesAfterC2(String method, RoundTrip roundTrip) {
        float[] in = new float[LANES];
        for (int i = 0; i < in.length; i++) {
            in[i] = i % 3 == 0 ? 1f : -1f;
        }
        int[] out = new int[LANES];
        try (var c2 = new C2Compilations()) {
            c2.runUntilCompiled(() -> {
                for (int i = 0; i < 1000; i++) {
                    roundTrip.run(in, out);
                }
            }, Duration.ofSeconds(60), List.of(new C2Compilations.Method(MaskRoundTrips.class, method)));
        }
        java.util.Arrays.fill(out, 0);
        roundTrip.run(in, out);
        int wrong = 0;
        for (int i = 0; i < LANES; i++) {
            if (out[i] != (in[i] >= 0 ? MARK : 0)) {
                wrong++;
            }
        }
        return wrong;
    }
}
