package raypool.render.view;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameRateMeterTest {

    private static final long MS = 1_000_000L;

    @Test
    void countsFramesOverTheLastSecond() {
        FrameRateMeter meter = new FrameRateMeter();
        assertEquals(0, meter.fps());
        meter.frameEnded(0);
        assertEquals(0, meter.fps(), "one frame gives no rate");
        for (int i = 1; i <= 10; i++) {
            meter.frameEnded(i * 100 * MS);
        }
        assertEquals(10.0, meter.fps(), 1e-9);
        // Frames speed up to 40 ms: after a second of them only they count.
        long t = 1000 * MS;
        for (int i = 0; i < 30; i++) {
            t += 40 * MS;
            meter.frameEnded(t);
        }
        assertEquals(25.0, meter.fps(), 1e-9);
    }

    @Test
    void slowFramesStillGiveARate() {
        FrameRateMeter meter = new FrameRateMeter();
        meter.frameEnded(0);
        meter.frameEnded(2000 * MS);
        meter.frameEnded(4000 * MS);
        assertEquals(0.5, meter.fps(), 1e-9, "two frames two seconds apart: 0.5 FPS");
        meter.reset();
        assertEquals(0, meter.fps());
    }
}
