package raypool.opencl;

import org.junit.jupiter.api.Test;
import raypool.engine.compile.CompiledScene;
import raypool.engine.compile.SceneCompiler;
import raypool.engine.scene.FiveSpheres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The packed layout raypool.cl reads, and the per-frame change span (no OpenCL needed). */
class PackedSceneTest {

    private static final FiveSpheres FIVE = new FiveSpheres();

    @Test
    void layoutPutsEachSectionWhereTheKernelLooks() {
        CompiledScene s = SceneCompiler.compile(FIVE.frame(0), 800, 600);
        PackedScene p = PackedScene.of(s);
        int lights = 8 * s.sphereCount + 4 * s.planeCount;
        int materials = lights + 4 * s.lightCount;
        int camera = materials + 8 * (s.sphereCount + s.planeCount);
        assertEquals(camera + 12, p.data.length);
        assertEquals(s.sphereY[FiveSpheres.BOUNCING], p.data[8 * FiveSpheres.BOUNCING + 1]);
        assertEquals(s.sphereRadius[0], p.data[3]);
        assertEquals(s.sphereK[2], p.data[8 * 2 + 4]);
        assertEquals(s.lightZ[1], p.data[lights + 4 + 2]);
        assertEquals(s.shininess[2], p.data[materials + 8 * 2 + 3]);
        assertEquals(s.specularCutoff[2], p.data[materials + 8 * 2 + 5]);
        assertEquals(s.camY, p.data[camera + 1]);
        assertEquals(s.stepYz, p.data[camera + 11]);
    }

    @Test
    void aMovedSphereChangesOnlyItsOwnFloats() {
        PackedScene p = PackedScene.of(SceneCompiler.compile(FIVE.frame(0), 800, 600));
        int y = 8 * FiveSpheres.BOUNCING + 1, k = 8 * FiveSpheres.BOUNCING + 4;
        assertArrayEquals(new int[] {y, k + 1}, p.update(SceneCompiler.compile(FIVE.frame(10), 800, 600)));
        assertArrayEquals(new int[] {0, 0}, p.update(SceneCompiler.compile(FIVE.frame(10), 800, 600)));
    }
}
