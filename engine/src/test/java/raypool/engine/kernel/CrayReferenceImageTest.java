package raypool.engine.kernel;

import org.junit.jupiter.api.Test;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.scene.io.CraySceneReader;
import raypool.engine.testing.Renders;
import raypool.engine.testing.SharedReference;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The importer and the scalar kernel together reproduce c-ray 1.1's own image of five.scn. */
class CrayReferenceImageTest {

    @Test
    void fiveScnMatchesCray11WithinTwoPerChannelOnNearlyAllPixels() throws Exception {
        var scn = SharedReference.file("five.scn");
        var png = SharedReference.file("five-cray-1.1.png");
        assumeTrue(scn.isPresent() && png.isPresent(), SharedReference.MISSING);

        BufferedImage reference = ImageIO.read(png.get().toFile());
        FrameBuffer ours = Renders.scalar(CraySceneReader.read(scn.get()), reference.getWidth(), reference.getHeight());

        var diff = compare(ours, reference);
        System.out.printf("five.scn vs c-ray 1.1: %d of %d pixels differ by more than 2, max channel diff %d%n",
            diff.over2, diff.pixels, diff.max);
        assertTrue(diff.over2 <= diff.pixels * 0.005,
            diff.over2 + " pixels differ by more than 2 per channel (max " + diff.max + ")");
    }

    @Test
    void builtInFiveFrameZeroIsFiveScn() throws Exception {
        var scn = SharedReference.file("five.scn");
        assumeTrue(scn.isPresent(), SharedReference.MISSING);
        assertEquals(CraySceneReader.read(scn.get()), new FiveSpheres().frame(0));
    }

    record Diff(int pixels, int over2, int max) {
    }

    static Diff compare(FrameBuffer ours, BufferedImage reference) {
        int over = 0, max = 0;
        for (int y = 0; y < ours.height(); y++) {
            for (int x = 0; x < ours.width(); x++) {
                int a = ours.rgb(x, y), b = reference.getRGB(x, y);
                int d = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
                }
                max = Math.max(max, d);
                if (d > 2) {
                    over++;
                }
            }
        }
        return new Diff(ours.width() * ours.height(), over, max);
    }
}
