package raypool.render.view;

import org.junit.jupiter.api.Test;
import raypool.engine.kernel.KernelKind;
import raypool.engine.schedule.StripePolicy;
import raypool.render.font.BitmapFont;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverlayTest {

    @Test
    void fpsInGreenThenSecondsPerFrameInRed() {
        List<Overlay.Line> lines = Overlay.lines(new ViewStats(42, 12.345, 0.0811,
            new ViewSettings(80, StripePolicy.STATIC, KernelKind.SCALAR, false)));
        assertEquals(new Overlay.Line("12.3 FPS", Overlay.GREEN, 3), lines.get(0));
        assertEquals(new Overlay.Line("0.081 S/FRAME", Overlay.RED, 3), lines.get(1));
        assertEquals("80 THREADS  static  scalar  UNBUFFERED  FRAME 42", lines.get(2).text());
        for (Overlay.Line line : lines) {
            for (char c : line.text().toCharArray()) {
                assertTrue(BitmapFont.has(c), "the font draws '" + c + "' of " + line.text());
            }
            assertTrue(BitmapFont.width(line.text(), line.scale()) <= 800 - 20, "fits an 800 wide window: " + line.text());
        }
    }
}
