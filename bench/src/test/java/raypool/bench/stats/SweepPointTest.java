package raypool.bench.stats;

import org.junit.jupiter.api.Test;
import raypool.engine.verify.FrameCheck;
import raypool.engine.verify.ImageChecks;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SweepPointTest {

    private static FrameStatistics stats(double fpsWall, double fpsCpu) {
        return new FrameStatistics(fpsWall, fpsWall, fpsWall, 1, 1, 1, 1, 1000 / fpsCpu, fpsCpu, 1, 1, 1, 1.1);
    }

    private static final ImageChecks RIGHT = new ImageChecks(List.of(new FrameCheck(0, "a", "a", 0, 1.0, true)));

    @Test
    void speedupAndEfficiencyComeFromCpuTimeWhenMeasured() {
        var one = stats(10, 10);
        var two = stats(12, 19);
        SweepPoint p = SweepPoint.of(2, two, one, RIGHT);
        assertEquals(1.9, p.speedup(), 1e-9);
        assertEquals(0.95, p.efficiency(), 1e-9);
        assertEquals(12, p.fps(), 1e-9);
    }

    @Test
    void fallsBackToWallTimeWithoutCpuTime() {
        var one = stats(10, 0);
        var two = stats(15, 0);
        assertEquals(0.75, SweepPoint.of(2, two, one, RIGHT).efficiency(), 1e-9);
    }
}
