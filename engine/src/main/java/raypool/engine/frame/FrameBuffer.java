package raypool.engine.frame;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One image as packed 0xAARRGGBB ints, row-major, no padding. Kernels write rows into it. */
public final class FrameBuffer {

    private final int width;
    private final int height;
    private final int[] pixels;

    public FrameBuffer(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("frame size must be at least 1x1, got " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[Math.multiplyExact(width, height)];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The backing array, for kernels and sinks; row y starts at y * width. */
    public int[] pixels() {
        return pixels;
    }

    public int rgb(int x, int y) {
        return pixels[y * width + x];
    }

    public void copyFrom(FrameBuffer other) {
        if (other.width != width || other.height != height) {
            throw new IllegalArgumentException("frame sizes differ: " + other.width + "x" + other.height
                + " into " + width + "x" + height);
        }
        System.arraycopy(other.pixels, 0, pixels, 0, pixels.length);
    }

    /** SHA-256 of the RGB bytes in row order: the image's identity in result files. */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] row = new byte[width * 3];
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int p = pixels[y * width + x];
                    row[3 * x] = (byte) (p >>> 16);
                    row[3 * x + 1] = (byte) (p >>> 8);
                    row[3 * x + 2] = (byte) p;
                }
                digest.update(row);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
