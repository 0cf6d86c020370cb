package raypool.engine.kernel;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import raypool.engine.testing.IsaLevel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Tag("isa")
@ExtendWith(IsaLevel.class)
class SimdSupportTest {

    @Test
    void packetsPayFromFourLanesWithC2() {
        assertTrue(SimdSupport.noSpeedReason(4, true, true).isEmpty());
        assertTrue(SimdSupport.noSpeedReason(16, true, true).isEmpty());
    }

    @Test
    void narrowVectorsOrNoC2GiveAReason() {
        assertTrue(SimdSupport.noSpeedReason(2, true, true).orElseThrow().contains("2 float lanes"));
        assertTrue(SimdSupport.noSpeedReason(16, false, true).orElseThrow().contains("C2"));
        assertTrue(SimdSupport.noSpeedReason(4, true, false).orElseThrow().contains("fused multiply-add"));
    }

    @Test
    void thisTestJvmGivesSpeedExceptWhereTheBuildTookFmaAway() {
        // surefire runs with C2 and at least 4 lanes (MaxVectorSize=16 is 4 floats); the executions that
        // turn FMA off (UseAVX=0, or -XX:-UseFMA as on Sandy Bridge) say raypool.isa.fma=false.
        if (Boolean.parseBoolean(System.getProperty("raypool.isa.fma", "true"))) {
            assertEquals(java.util.Optional.empty(), SimdSupport.noSpeedReason());
        } else {
            assertTrue(SimdSupport.noSpeedReason().orElseThrow().contains("fused multiply-add"));
        }
    }
}
