package raypool.render.stripes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.KernelKind;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.schedule.FrameTiming;
import raypool.engine.schedule.StripePolicy;
import raypool.render.SceneRenderer;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StripeMapTest {

    private static final int W = 160, H = 120;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"STATIC,2", "STATIC,3", "INTERLEAVED,3", "DYNAMIC,4"})
    void hasAsManyTintsAsThreadsEachOnTheRowsItsThreadRendered(StripePolicy policy, int threads) {
        FrameBuffer frame = new FrameBuffer(W, H);
        FrameStripes stripes;
        try (SceneRenderer renderer = new SceneRenderer(new FiveSpheres(), W, H, threads, KernelKind.SCALAR, policy)) {
            FrameTiming timing = renderer.render(0, frame);
            stripes = FrameStripes.of(policy, timing);
        }
        BufferedImage map = StripeMap.draw(frame, stripes);

        assertEquals(StripeMap.RIBBON_WIDTH + W + StripeMap.PANEL_WIDTH, map.getWidth());
        Set<Integer> tints = new HashSet<>();
        for (int y = 0; y < H; y++) {
            int ribbon = map.getRGB(StripeMap.RIBBON_WIDTH / 2, y) & 0xFFFFFF;
            tints.add(ribbon);
            assertEquals(ThreadColours.rgb(stripes.rowOwner()[y]), ribbon, "ribbon at row " + y);
        }
        // Under dynamic, a fast thread may take every stripe of a tiny frame; the others then have no rows.
        int rendering = (int) java.util.Arrays.stream(stripes.rowOwner()).distinct().count();
        assertEquals(rendering, tints.size());
        if (policy != StripePolicy.DYNAMIC) {
            assertEquals(threads, tints.size());
        }
        // A frame pixel far from the labels is the scene's pixel mixed with its thread's tint.
        int x = W - 5, y = H - 5;
        assertEquals(StripeMap.blend(frame.rgb(x, y), ThreadColours.rgb(stripes.rowOwner()[y])),
            map.getRGB(StripeMap.RIBBON_WIDTH + x, y) & 0xFFFFFF);
    }

    @Test
    void labelsEachTallStripeWithItsBusyTime() {
        FrameBuffer frame = new FrameBuffer(W, H);
        int[] owner = new int[H];
        for (int y = 0; y < H; y++) {
            owner[y] = y * 4 / H;
        }
        FrameStripes stripes = new FrameStripes(StripePolicy.STATIC, owner, new long[] {1_000_000, 2_000_000, 3_000_000, 4_000_000});
        BufferedImage map = StripeMap.draw(frame, stripes);
        for (int t = 0; t < 4; t++) {
            int top = t * H / 4, bottom = (t + 1) * H / 4;
            assertTrue(hasWhite(map, StripeMap.RIBBON_WIDTH, StripeMap.RIBBON_WIDTH + 100, top, bottom),
                "stripe " + t + " has a white label");
        }
        assertEquals(4.0 / 2.5, stripes.imbalance(), 1e-9);
    }

    @Test
    void rejectsStripesOfAnotherFrameSizeAndOwnersOutOfRange() {
        assertThrows(IllegalArgumentException.class,
            () -> StripeMap.draw(new FrameBuffer(W, H), new FrameStripes(StripePolicy.STATIC, new int[H - 1], new long[1])));
        assertThrows(IllegalArgumentException.class,
            () -> new FrameStripes(StripePolicy.STATIC, new int[] {0, 2}, new long[2]));
    }

    @Test
    void threadColoursAreDistinctForManyThreads() {
        Set<Integer> colours = new HashSet<>();
        for (int t = 0; t < 320; t++) {
            colours.add(ThreadColours.rgb(t));
        }
        assertEquals(320, colours.size());
    }

    @Test
    void writesOneMapPerPolicy() throws IOException {
        List<Path> files;
        try (SceneRenderer renderer = new SceneRenderer(new FiveSpheres(), W, H, 2, KernelKind.SCALAR, StripePolicy.STATIC)) {
            files = StripeMaps.writeAll(renderer, 0, 1, dir);
        }
        assertEquals(List.of(dir.resolve("stripes-static.png"), dir.resolve("stripes-interleaved.png"),
            dir.resolve("stripes-dynamic.png")), files);
        for (Path f : files) {
            assertTrue(Files.size(f) > 0);
            assertEquals(H, ImageIO.read(f.toFile()).getHeight());
        }
    }

    private static boolean hasWhite(BufferedImage image, int x0, int x1, int y0, int y1) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                if ((image.getRGB(x, y) & 0xFFFFFF) == StripeMap.TEXT) {
                    return true;
                }
            }
        }
        return false;
    }
}
