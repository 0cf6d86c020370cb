package raypool.render.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.KernelKind;
import raypool.engine.scene.AnimatedScene;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.verify.FramesNotVerifiedException;
import raypool.engine.schedule.StripePolicy;
import raypool.render.SceneRenderer;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneGifTest {

    private static final int W = 160, H = 120, FRAMES = 8;

    @TempDir
    Path dir;

    @Test
    void framesThatDoNotMatchTheReferenceLeaveNoFile() {
        // A scene that renders one moment of the animation and is checked against another: what a kernel
        // that stops writing pixels once compiled looks like to the check.
        FiveSpheres five = new FiveSpheres();
        int[] calls = {0};
        AnimatedScene drifting = new AnimatedScene() {
            @Override
            public String name() {
                return "drifting";
            }

            @Override
            public raypool.engine.scene.Scene frame(int index) {
                return five.frame(calls[0]++ < FRAMES ? index : index + 40);
            }
        };
        Path file = dir.resolve("wrong.gif");
        try (SceneRenderer renderer = new SceneRenderer(drifting, W, H, 2, KernelKind.SCALAR, StripePolicy.DYNAMIC)) {
            FramesNotVerifiedException e = assertThrows(FramesNotVerifiedException.class,
                () -> SceneGif.write(renderer, FRAMES, SceneGif.DEFAULT_FRAME_DELAY_MILLIS, file));
            assertFalse(e.checks().verified());
        }
        assertFalse(Files.exists(file), "no GIF of wrong frames");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "no temporary file left either");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void hasOneImagePerFrameLoopsForeverAndTheSphereMoves() throws IOException {
        Path file = dir.resolve("five.gif");
        try (SceneRenderer renderer = new SceneRenderer(new FiveSpheres(), W, H, 2, KernelKind.SCALAR, StripePolicy.DYNAMIC)) {
            assertTrue(SceneGif.write(renderer, FRAMES, SceneGif.DEFAULT_FRAME_DELAY_MILLIS, file).verified());
        }
        List<BufferedImage> images = new ArrayList<>();
        String loop;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
            assertEquals(FRAMES, reader.getNumImages(true));
            for (int i = 0; i < FRAMES; i++) {
                images.add(reader.read(i));
            }
            loop = netscapeLoop(reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0"));
        }
        assertEquals("loop 0", loop, "the first frame carries NETSCAPE2.0 with loop count 0 (forever)");

        // Where the sphere moves, in exact renders of the first and last frame.
        Rectangle moved = changedArea(render(0), render(FRAMES - 1));
        assertFalse(moved.isEmpty(), "the scene itself moves between frame 0 and " + (FRAMES - 1));

        // The GIF's frames differ in that area, and (palettes aside) hardly anywhere else.
        BufferedImage first = images.getFirst(), last = images.getLast();
        Rectangle around = new Rectangle(moved.x - 3, moved.y - 3, moved.width + 6, moved.height + 6);
        int inside = 0, outside = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (distance(first.getRGB(x, y), last.getRGB(x, y)) > 60) {
                    if (around.contains(x, y)) {
                        inside++;
                    } else {
                        outside++;
                    }
                }
            }
        }
        assertTrue(inside >= 20, "sphere pixels change between first and last GIF frame: " + inside);
        assertTrue(outside <= inside / 10, "changes stay near the sphere: " + outside + " outside, " + inside + " inside");
        assertEquals(1, Files.list(dir).count(), "no temporary file left");
    }

    @Test
    void anAnimationWithNoFramesLeavesNoFile() throws IOException {
        Path file = dir.resolve("empty.gif");
        new AnimatedGifWriter(file, 20).close();
        assertFalse(Files.exists(file));
        assertEquals(0, Files.list(dir).count());
    }

    private static FrameBuffer render(int index) {
        FrameBuffer frame = new FrameBuffer(W, H);
        try (SceneRenderer renderer = new SceneRenderer(new FiveSpheres(), W, H, 1, KernelKind.SCALAR, StripePolicy.STATIC)) {
            renderer.render(index, frame);
        }
        return frame;
    }

    private static Rectangle changedArea(FrameBuffer a, FrameBuffer b) {
        Rectangle area = new Rectangle();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (distance(a.rgb(x, y), b.rgb(x, y)) > 60) {
                    area = area.isEmpty() ? new Rectangle(x, y, 1, 1) : area.union(new Rectangle(x, y, 1, 1));
                }
            }
        }
        return area;
    }

    private static int distance(int p, int q) {
        return Math.abs((p >> 16 & 0xFF) - (q >> 16 & 0xFF)) + Math.abs((p >> 8 & 0xFF) - (q >> 8 & 0xFF))
            + Math.abs((p & 0xFF) - (q & 0xFF));
    }

    private static String netscapeLoop(Node root) {
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeName().equals("ApplicationExtensions")) {
                for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                    IIOMetadataNode ext = (IIOMetadataNode) e;
                    if ("NETSCAPE".equals(ext.getAttribute("applicationID"))) {
                        byte[] data = (byte[]) ext.getUserObject();
                        return "loop " + ((data[1] & 0xFF) | (data[2] & 0xFF) << 8);
                    }
                }
            }
        }
        return "no loop extension";
    }
}
