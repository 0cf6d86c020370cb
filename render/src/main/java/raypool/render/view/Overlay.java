package raypool.render.view;

import java.util.List;
import java.util.Locale;

/**
 * The text in the window's upper-left corner: frames per second in green and seconds per frame in red,
 * as the original benchmark showed them, then the settings and the keys.
 */
public final class Overlay {

    public static final int GREEN = 0x00FF00;
    public static final int RED = 0xFF0000;
    static final int WHITE = 0xFFFFFF;
    static final int GREY = 0xA0A0A0;

    /** One line of text at a size (a multiple of the 5x7 font). */
    public record Line(String text, int rgb, int scale) {
    }

    private Overlay() {
    }

    public static List<Line> lines(ViewStats stats) {
        ViewSettings s = stats.settings();
        return List.of(
            new Line(String.format(Locale.ROOT, "%.1f FPS", stats.fps()), GREEN, 3),
            new Line(String.format(Locale.ROOT, "%.3f S/FRAME", stats.secondsPerFrame()), RED, 3),
            new Line(s.threads() + (s.threads() == 1 ? " THREAD  " : " THREADS  ") + s.policy().label() + "  "
                + s.kernel().label() + "  " + (s.buffered() ? "BUFFERED" : "UNBUFFERED")
                + "  FRAME " + stats.frames(), WHITE, 2),
            new Line("+/- THREADS  P POLICY  K KERNEL  B BUFFER  S SAVE  ESC QUIT", GREY, 2));
    }
}
