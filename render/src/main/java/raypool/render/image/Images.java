package raypool.render.image;

import raypool.engine.frame.FrameBuffer;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Conversions between the engine's frames and AWT images. */
public final class Images {

    private Images() {
    }

    /** A copy of the frame as an RGB image (the frame's alpha byte is dropped). */
    public static BufferedImage toImage(FrameBuffer frame) {
        BufferedImage image = new BufferedImage(frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        System.arraycopy(frame.pixels(), 0, pixels(image), 0, frame.pixels().length);
        return image;
    }

    /**
     * The backing 0x00RRGGBB array of an image made by this class or by {@code new BufferedImage(w, h,
     * TYPE_INT_RGB)}: drawing into it directly is what lets the stripe maps and the bitmap font work
     * without Java2D.
     */
    public static int[] pixels(BufferedImage image) {
        if (image.getType() != BufferedImage.TYPE_INT_RGB && image.getType() != BufferedImage.TYPE_INT_ARGB) {
            throw new IllegalArgumentException("expected an int RGB image, got type " + image.getType());
        }
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
