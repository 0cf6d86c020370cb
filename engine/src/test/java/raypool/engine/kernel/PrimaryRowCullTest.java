package raypool.engine.kernel;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import raypool.engine.compile.CompiledScene;
import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.scene.FiveSpheres;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The row cull never drops a sphere that a primary ray of the packet hits, and does drop most. */
class PrimaryRowCullTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 24, 48})
    void everySphereHitByAPrimaryRayIsKeptForItsPacket(int frame) {
        int width = 800, height = 600, lanes = 16;
        CompiledScene s = SceneCompiler.compile(new FiveSpheres().frame(frame), width, height);
        FrameBuffer hits = new FrameBuffer(width, height);
        new ScalarKernel().primaryHits(s, hits, 0, height, 1, new RayCounts());
        PrimaryRowCull cull = new PrimaryRowCull();
        long kept = 0, packets = 0;
        for (int y = 0; y < height; y++) {
            cull.prepareRow(s, y);
            for (int x = 0; x < width; x += lanes) {
                long spheres = cull.spheresFor(x, lanes);
                kept += Long.bitCount(spheres & ((1L << s.sphereCount) - 1));
                packets++;
                for (int lane = x; lane < Math.min(x + lanes, width); lane++) {
                    int object = hits.rgb(lane, y) - 1;
                    assertTrue(object < 0 || (spheres & 1L << object) != 0,
                        "sphere " + object + " hit at (" + lane + ", " + y + ") but culled");
                }
            }
        }
        double perPacket = (double) kept / packets;
        assertTrue(perPacket < 3, "the cull keeps " + perPacket + " of " + s.sphereCount + " spheres per packet");
    }
}
