package raypool.render.image;

import raypool.files.AtomicFiles;
import raypool.engine.frame.FrameBuffer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** PNG files, written atomically. */
public final class PngWriter {

    private PngWriter() {
    }

    public static void write(FrameBuffer frame, Path file) throws IOException {
        write(Images.toImage(frame), file);
    }

    public static void write(BufferedImage image, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("this JDK has no PNG writer");
            }
        });
    }
}
