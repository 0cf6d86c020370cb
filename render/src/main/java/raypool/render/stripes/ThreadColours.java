package raypool.render.stripes;

import java.awt.Color;

/**
 * One saturated colour per thread. Hues step by the golden angle so neighbouring threads (whose stripes
 * touch under {@code static}) never get similar colours, however many threads there are.
 */
public final class ThreadColours {

    private static final float GOLDEN_ANGLE_TURNS = 0.381966f;

    private ThreadColours() {
    }

    /** 0xRRGGBB of thread {@code index}. */
    public static int rgb(int index) {
        float hue = (index * GOLDEN_ANGLE_TURNS) % 1f;
        // Alternate two brightness levels so that many threads stay distinct even where hues come close.
        float brightness = index % 2 == 0 ? 1f : 0.8f;
        return Color.HSBtoRGB(hue, 0.85f, brightness) & 0xFFFFFF;
    }
}
