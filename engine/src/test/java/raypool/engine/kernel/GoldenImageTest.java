package raypool.engine.kernel;

import org.junit.jupiter.api.Test;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.testing.Renders;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the scalar reference against regressions: a frame of the animated benchmark scene rendered
 * when the kernel was verified against c-ray, checked in as a PNG of the project's own. Regenerate it
 * only on purpose, after a deliberate change of the rendering rules:
 * {@code java -cp engine/target/classes:engine/target/test-classes raypool.engine.kernel.GoldenImageTest}.
 */
class GoldenImageTest {

    static final String RESOURCE = "/golden/five-frame24-200x150.png";
    static final int FRAME = 24, W = 200, H = 150;

    @Test
    void scalarKernelStillRendersTheGoldenFrame() throws IOException {
        BufferedImage golden;
        try (InputStream in = GoldenImageTest.class.getResourceAsStream(RESOURCE)) {
            assertNotNull(in, "golden image " + RESOURCE + " is missing from the test resources");
            golden = ImageIO.read(in);
        }
        FrameBuffer ours = render();
        assertEquals(W, golden.getWidth());
        assertEquals(H, golden.getHeight());
        int exact = 0, max = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int a = ours.rgb(x, y), b = golden.getRGB(x, y);
                int d = 0;
                for (int s = 0; s <= 16; s += 8) {
                    d = Math.max(d, Math.abs(((a >> s) & 0xFF) - ((b >> s) & 0xFF)));
                }
                max = Math.max(max, d);
                exact += d == 0 ? 1 : 0;
            }
        }
        // Math.pow may differ in its last bit between CPUs' intrinsics, which can move a channel by one.
        assertTrue(max <= 1, "largest channel difference from the golden frame: " + max);
        assertTrue(exact >= W * H * 0.999, (W * H - exact) + " pixels differ from the golden frame");
    }

    static FrameBuffer render() {
        return Renders.scalar(new FiveSpheres().frame(FRAME), W, H);
    }

    /** Writes the golden image into the source tree (run from the repository root). */
    public static void main(String[] args) throws IOException {
        FrameBuffer f = render();
        var image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, W, H, f.pixels(), 0, W);
        Path out = Path.of("engine/src/test/resources" + RESOURCE);
        ImageIO.write(image, "png", out.toFile());
        System.out.println("wrote " + out);
    }
}
