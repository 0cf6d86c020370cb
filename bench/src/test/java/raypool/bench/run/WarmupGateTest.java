package raypool.bench.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarmupGateTest {

    @Test
    void keepsGoingWhileFramesGetFasterAndStopsOnceTheySettle() {
        var gate = new WarmupGate(4, 3, 0.03, 100);
        long[] jitting = {500, 400, 300, 250, 200, 150, 120, 100};
        for (long t : jitting) {
            assertFalse(gate.settledAfter(t), "still speeding up at " + t);
        }
        int steady = 0;
        while (!gate.settledAfter(steady % 2 == 0 ? 100 : 101)) {
            steady++;
        }
        assertTrue(gate.isSettled());
        assertTrue(steady >= 2 && steady < 6, "settles once two windows of ~100 agree, after " + steady);
    }

    @Test
    void neverStopsBeforeTheMinimumEvenWhenSteady() {
        var gate = new WarmupGate(10, 2, 0.03, 100);
        for (int i = 1; i < 10; i++) {
            assertFalse(gate.settledAfter(100), "frame " + i);
        }
        assertTrue(gate.settledAfter(100));
    }

    @Test
    void stopsAtTheLimitAndSaysItDidNotSettle() {
        var gate = new WarmupGate(1, 2, 0.01, 20);
        boolean stopped = false;
        int frames = 0;
        while (!stopped) {
            stopped = gate.settledAfter(100L << Math.min(frames, 40));
            frames++;
        }
        assertEquals(20, frames);
        assertFalse(gate.isSettled());
    }
}
