package raypool.engine.scene.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import raypool.engine.scene.Scene;
import raypool.engine.scene.Vec3;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CraySceneReaderTest {

    private static final String GOOD = """
        # a comment line
        s  0 -10000 0  10000  0.5 0.5 0.5  0.0  0.3
        s\t1 2 3\t0.5\t1 0 0\t50\t0.5   # trailing comment
        p  0 0 10  0 0 -1  0.2 0.2 0.2  0  0
        l  -10 20 -10

        c  0 6 -20  45  0 1 0
        """;

    @Test
    void readsSpheresPlanesLightsAndCamera() throws Exception {
        Scene s = CraySceneReader.parse("good.scn", GOOD);
        assertEquals(2, s.spheres().size());
        assertEquals(new Vec3(1, 2, 3), s.spheres().get(1).center());
        assertEquals(0.5, s.spheres().get(1).radius());
        assertEquals(50, s.spheres().get(1).material().shininess());
        assertEquals(1, s.planes().size());
        assertEquals(new Vec3(0, 0, -1), s.planes().get(0).normal());
        assertEquals(1, s.lights().size());
        assertEquals(new Vec3(0, 1, 0), s.camera().target());
    }

    @Test
    void readsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.scn");
        Files.writeString(file, "c 0 0 -5 45 0 0 0\ns 0 0 0 -1 1 1 1 0 0\n");
        var e = assertThrows(SceneFormatException.class, () -> CraySceneReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ":2: radius:"), e.getMessage());
        assertEquals(2, e.line());
        assertEquals("radius", e.field());
    }

    @Test
    void missingFileIsReportedWithItsName(@TempDir Path dir) {
        Path file = dir.resolve("nowhere.scn");
        var e = assertThrows(SceneFormatException.class, () -> CraySceneReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ":0: cannot read the file"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        unknown type          | c 0 0 -5 45 0 0 0;q 1 2 3                       | 2 | type
        missing field         | c 0 0 -5 45 0 0 0;s 0 0 0 1 1 1 1 50            | 2 | reflectivity
        not a number          | c 0 0 -5 45 0 0 0;l 1 two 3                     | 2 | y
        not finite            | c 0 0 -5 45 0 0 0;l 1 NaN 3                     | 2 | y
        extra value           | c 0 0 -5 45 0 0 0;l 1 2 3 4                     | 2 | ''
        colour above one      | c 0 0 -5 45 0 0 0;s 0 0 0 1 1.5 1 1 50 0        | 2 | colour red
        negative reflectivity | c 0 0 -5 45 0 0 0;s 0 0 0 1 1 1 1 50 -0.1       | 2 | reflectivity
        zero radius           | c 0 0 -5 45 0 0 0;s 0 0 0 0 1 1 1 50 0          | 2 | radius
        zero plane normal     | c 0 0 -5 45 0 0 0;p 0 0 0 0 0 0 1 1 1 0 0       | 2 | normal
        two cameras           | s 0 0 0 1 1 1 1 0 0;c 0 0 -5 45 0 0 0;c 0 0 -5 45 0 0 0 | 3 | camera
        camera at its target  | s 0 0 0 1 1 1 1 0 0;c 0 0 0 45 0 0 0            | 2 | camera target
        no camera             | s 0 0 0 1 1 1 1 0 0;l 0 5 0                     | 2 | camera
        no objects            | l 0 5 0;c 0 0 -5 45 0 0 0                       | 2 | objects
        """)
    void refusesBadLinesNamingLineAndField(String name, String lines, int line, String field) {
        var e = assertThrows(SceneFormatException.class,
            () -> CraySceneReader.parse("t.scn", lines.replace(';', '\n')));
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.scn:" + line + ": "), e.getMessage());
    }

    @Test
    void tooManyLightsIsRefused() {
        String lights = "l 0 1 0\n".repeat(Scene.MAX_LIGHTS + 1);
        var e = assertThrows(SceneFormatException.class,
            () -> CraySceneReader.parse("t.scn", "s 0 0 0 1 1 1 1 0 0\nc 0 0 -5 45 0 0 0\n" + lights));
        assertEquals("lights", e.field());
    }
}
