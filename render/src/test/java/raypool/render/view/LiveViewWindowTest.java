package raypool.render.view;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.KernelKind;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.schedule.StripePolicy;
import raypool.render.SceneRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window on a real X server (the developer's, or Xvfb with Mesa's software OpenGL). */
@ExtendWith(XDisplayExtension.class)
class LiveViewWindowTest {

    @TempDir
    Path dir;

    @Test
    void screenshotShowsTheLastFrameWithGreenFpsUpperLeft() throws IOException {
        int frames = 3;
        Path shot = dir.resolve("shot.png");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ViewOptions options = new ViewOptions(new FiveSpheres(), 800, 600,
            new ViewSettings(2, StripePolicy.DYNAMIC, KernelKind.SCALAR, true), frames, Optional.of(shot), dir);

        int status = LiveView.run(options, new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(LiveView.EXIT_OK, status, err.toString(StandardCharsets.UTF_8));
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(800, image.getWidth());
        assertEquals(600, image.getHeight());

        // Below the overlay, the window shows the last frame's pixels exactly (one texel per pixel).
        FrameBuffer expected = render(frames - 1, 800, 600);
        int same = 0, total = 0;
        for (int y = 200; y < 600; y += 2) {
            for (int x = 0; x < 800; x += 2) {
                total++;
                if ((image.getRGB(x, y) & 0xFFFFFF) == (expected.rgb(x, y) & 0xFFFFFF)) {
                    same++;
                }
            }
        }
        assertTrue(same >= total * 0.99, "scene pixels in the screenshot: " + same + " of " + total);

        assertTrue(count(image, 0, 0, 300, 40, Overlay.GREEN) > 100, "green FPS digits in the upper-left corner");
        assertTrue(count(image, 0, 30, 300, 70, Overlay.RED) > 100, "red seconds per frame below them");
        assertEquals(0, count(image, 400, 300, 800, 600, Overlay.GREEN), "no overlay green elsewhere");
    }

    @Test
    void unbufferedAt1280x1024ShowsAFrameWhileItsStripesAreDrawn() {
        AtomicInteger refreshes = new AtomicInteger();
        AtomicReference<BufferedImage> partial = new AtomicReference<>();
        ViewOptions options = new ViewOptions(new FiveSpheres(), 1280, 1024,
            new ViewSettings(2, StripePolicy.STATIC, KernelKind.SCALAR, false), 2, Optional.empty(), dir);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = LiveView.run(options, new PrintStream(err, true, StandardCharsets.UTF_8), (stats, capture) -> {
            refreshes.incrementAndGet();
            if (partial.get() == null) {
                BufferedImage image = capture.get();
                if (isPartlyDrawn(image)) {
                    partial.set(image);
                }
            }
        });

        assertEquals(LiveView.EXIT_OK, status, err.toString(StandardCharsets.UTF_8));
        assertNotNull(partial.get(), "among " + refreshes.get() + " refreshes, one showed a frame half drawn");
        assertEquals(1280, partial.get().getWidth());
        assertEquals(1024, partial.get().getHeight());
    }

    /** Some rows (below the overlay) are still the undrawn colour while others already hold the scene. */
    private static boolean isPartlyDrawn(BufferedImage image) {
        int undrawn = RenderLoop.UNDRAWN & 0xFFFFFF;
        int undrawnRows = 0, sceneRows = 0;
        for (int y = 200; y < image.getHeight(); y += 4) {
            int matching = 0;
            for (int x = 0; x < image.getWidth(); x += 4) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == undrawn) {
                    matching++;
                }
            }
            if (matching == (image.getWidth() + 3) / 4) {
                undrawnRows++;
            } else if (matching == 0) {
                sceneRows++;
            }
        }
        return undrawnRows > 0 && sceneRows > 0;
    }

    private static FrameBuffer render(int index, int width, int height) {
        FrameBuffer frame = new FrameBuffer(width, height);
        try (SceneRenderer renderer = new SceneRenderer(new FiveSpheres(), width, height, 2, KernelKind.SCALAR,
            StripePolicy.STATIC)) {
            renderer.render(index, frame);
        }
        return frame;
    }

    private static int count(BufferedImage image, int x0, int y0, int x1, int y1, int rgb) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
