package raypool.engine.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimdSupportTest {

    @Test
    void packetsPayFromFourLanesWithC2() {
        assertTrue(SimdSupport.noSpeedReason(4, true).isEmpty());
        assertTrue(SimdSupport.noSpeedReason(16, true).isEmpty());
    }

    @Test
    void narrowVectorsOrNoC2GiveAReason() {
        assertTrue(SimdSupport.noSpeedReason(2, true).orElseThrow().contains("2 float lanes"));
        assertTrue(SimdSupport.noSpeedReason(16, false).orElseThrow().contains("C2"));
    }

    @Test
    void thisTestJvmCompilesWithC2AndWideVectors() {
        // surefire runs with default compilation and at least 4 lanes (MaxVectorSize=16 is 4 floats).
        assertEquals(java.util.Optional.empty(), SimdSupport.noSpeedReason());
    }
}
