package raypool.render.stripes;

import raypool.engine.frame.FrameBuffer;
import raypool.render.font.BitmapFont;
import raypool.render.image.Images;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;

/**
 * A frame with each row tinted by the thread that rendered it, each stripe labelled with its thread's
 * busy time, and a panel of busy-time bars beside it. Under {@code static} one thread's bar sticks out
 * (its stripe held the expensive reflections); under {@code dynamic} the bars are level.
 *
 * <p>Layout, left to right: a ribbon of pure thread colours (one pixel row per frame row, so the ownership
 * is readable exactly, by eye or by a test), the tinted frame, and the bar panel. Drawn straight into the
 * pixel array with the project's bitmap font, so it needs no fonts or Java2D on the host.
 */
public final class StripeMap {

    public static final int RIBBON_WIDTH = 16;
    public static final int PANEL_WIDTH = 300;
    /** How much of the thread colour goes into a tinted pixel. */
    static final float TINT = 0.45f;
    static final int BACKGROUND = 0x101418;
    static final int TEXT = 0xFFFFFF;
    private static final int LABEL_SCALE = 2;
    private static final int LABEL_PADDING = 2;
    private static final int PANEL_MARGIN = 12;

    private StripeMap() {
    }

    public static BufferedImage draw(FrameBuffer frame, FrameStripes stripes) {
        if (stripes.rowOwner().length != frame.height()) {
            throw new IllegalArgumentException("stripes cover " + stripes.rowOwner().length + " rows, frame has "
                + frame.height());
        }
        int width = RIBBON_WIDTH + frame.width() + PANEL_WIDTH;
        int height = frame.height();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] out = Images.pixels(image);
        Arrays.fill(out, BACKGROUND);
        drawRows(frame, stripes, out, width);
        labelStripes(stripes, out, width, height);
        drawPanel(stripes, out, width, height, RIBBON_WIDTH + frame.width());
        return image;
    }

    private static void drawRows(FrameBuffer frame, FrameStripes stripes, int[] out, int width) {
        int[] in = frame.pixels();
        for (int y = 0; y < frame.height(); y++) {
            int tint = ThreadColours.rgb(stripes.rowOwner()[y]);
            int row = y * width;
            for (int x = 0; x < RIBBON_WIDTH; x++) {
                out[row + x] = tint;
            }
            for (int x = 0; x < frame.width(); x++) {
                out[row + RIBBON_WIDTH + x] = blend(in[y * frame.width() + x], tint);
            }
        }
    }

    /**
     * A label on every run of rows tall enough to hold one: at double size where there is room, at the
     * font's own size on the thin stripes of {@code dynamic}, none on the single rows of {@code interleaved}
     * (the panel's bars tell those apart).
     */
    private static void labelStripes(FrameStripes stripes, int[] out, int width, int height) {
        int[] owner = stripes.rowOwner();
        int start = 0;
        for (int y = 1; y <= owner.length; y++) {
            if (y == owner.length || owner[y] != owner[start]) {
                int rows = y - start;
                int scale = rows >= BitmapFont.height(LABEL_SCALE) + 2 * LABEL_PADDING + 2 ? LABEL_SCALE
                    : rows >= BitmapFont.height(1) + 2 * LABEL_PADDING + 2 ? 1 : 0;
                if (scale > 0) {
                    int thread = owner[start];
                    String text = "T" + thread + " " + millis(stripes.busyNanos()[thread]);
                    int top = start + (rows - BitmapFont.height(scale)) / 2;
                    int left = RIBBON_WIDTH + 8;
                    fillBox(out, width, height, left - LABEL_PADDING, top - LABEL_PADDING,
                        BitmapFont.width(text, scale) + 2 * LABEL_PADDING, BitmapFont.height(scale) + 2 * LABEL_PADDING,
                        0x000000);
                    BitmapFont.draw(text, left, top, scale, TEXT, out, width, height);
                }
                start = y;
            }
        }
    }

    private static void drawPanel(FrameStripes stripes, int[] out, int width, int height, int left) {
        int x = left + PANEL_MARGIN;
        int y = PANEL_MARGIN;
        int line = BitmapFont.height(LABEL_SCALE) + 8;
        BitmapFont.draw(stripes.policy().label(), x, y, 3, TEXT, out, width, height);
        y += BitmapFont.height(3) + 10;
        BitmapFont.draw(stripes.threads() + " THREADS", x, y, LABEL_SCALE, TEXT, out, width, height);
        y += line;
        BitmapFont.draw(String.format(Locale.ROOT, "IMBALANCE %.2f", stripes.imbalance()), x, y, LABEL_SCALE,
            TEXT, out, width, height);
        y += line + 6;
        BitmapFont.draw("BUSY TIME", x, y, LABEL_SCALE, TEXT, out, width, height);
        y += line;
        int barRoom = PANEL_WIDTH - 2 * PANEL_MARGIN;
        long max = Math.max(1, stripes.maxBusyNanos());
        // Shrink the bars when there are many threads, so that all of them fit in the panel.
        int barHeight = Math.max(2, Math.min(line, (height - y - PANEL_MARGIN) / Math.max(1, stripes.threads()) - 2));
        for (int t = 0; t < stripes.threads() && y + barHeight <= height; t++) {
            int length = (int) Math.max(1, barRoom * stripes.busyNanos()[t] / max);
            fillBox(out, width, height, x, y, length, barHeight, ThreadColours.rgb(t));
            if (barHeight >= BitmapFont.height(LABEL_SCALE) + 2) {
                String text = "T" + t + " " + millis(stripes.busyNanos()[t]);
                BitmapFont.draw(text, x + 3, y + (barHeight - BitmapFont.height(LABEL_SCALE)) / 2, LABEL_SCALE,
                    0x000000, out, width, height);
            }
            y += barHeight + 2;
        }
    }

    static int blend(int pixel, int tint) {
        int r = mix(pixel >> 16 & 0xFF, tint >> 16 & 0xFF);
        int g = mix(pixel >> 8 & 0xFF, tint >> 8 & 0xFF);
        int b = mix(pixel & 0xFF, tint & 0xFF);
        return r << 16 | g << 8 | b;
    }

    private static int mix(int base, int tint) {
        return Math.round(base * (1 - TINT) + tint * TINT);
    }

    private static void fillBox(int[] out, int width, int height, int x0, int y0, int w, int h, int rgb) {
        for (int y = Math.max(0, y0); y < Math.min(height, y0 + h); y++) {
            for (int x = Math.max(0, x0); x < Math.min(width, x0 + w); x++) {
                out[y * width + x] = rgb;
            }
        }
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f MS", nanos / 1e6);
    }
}
