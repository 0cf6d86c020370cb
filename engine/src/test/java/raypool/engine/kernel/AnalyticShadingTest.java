package raypool.engine.kernel;

import org.junit.jupiter.api.Test;
import raypool.engine.compile.CompiledScene;
import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.scene.Camera;
import raypool.engine.scene.Material;
import raypool.engine.scene.Plane;
import raypool.engine.scene.PointLight;
import raypool.engine.scene.Scene;
import raypool.engine.scene.Sphere;
import raypool.engine.scene.Vec3;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cases with answers worked out by hand (closed-form ray-sphere intersection in the test itself), so
 * the kernel is checked against geometry rather than against its own earlier output.
 */
class AnalyticShadingTest {

    private static final int W = 64, H = 48;
    private static final Camera CAMERA = new Camera(new Vec3(0, 0, -10), 45, new Vec3(0, 0, 0));

    @Test
    void rayThatMissesEverythingIsBlack() {
        var scene = new Scene(List.of(new Sphere(new Vec3(0, 0, 500), 1, matte(1, 1, 1))), List.of(),
            List.of(new PointLight(new Vec3(0, 0, -10))), CAMERA);
        FrameBuffer f = render(scene, new RayCounts());
        assertEquals(0xFF000000, f.rgb(0, 0));
    }

    @Test
    void diffuseOnlySphereLitFromTheEyeMatchesLambertCosine() {
        Material m = matte(0.8, 0.4, 0.2);
        var scene = new Scene(List.of(new Sphere(new Vec3(0, 0, 0), 2, m)), List.of(),
            List.of(new PointLight(new Vec3(0, 0, -10))), CAMERA);
        CompiledScene cs = SceneCompiler.compile(scene, W, H);
        FrameBuffer f = render(scene, new RayCounts());
        int checked = 0;
        for (int y = 0; y < H; y += 3) {
            for (int x = 0; x < W; x += 3) {
                var hit = hitUnitlessSphere(cs, x, y, new Vec3(0, 0, 0), 2);
                if (hit == null) {
                    assertEquals(0xFF000000, f.rgb(x, y), "miss at " + x + "," + y);
                    continue;
                }
                Vec3 n = hit.minus(new Vec3(0, 0, 0)).times(0.5);
                Vec3 l = new Vec3(0, 0, -10).minus(hit).normalized();
                double cos = Math.max(0, n.dot(l));
                assertChannel((int) (Math.min(cos * 0.8, 1) * 255), (f.rgb(x, y) >> 16) & 0xFF, x, y);
                assertChannel((int) (Math.min(cos * 0.2, 1) * 255), f.rgb(x, y) & 0xFF, x, y);
                checked++;
            }
        }
        assertTrue(checked > 20, "the sphere should cover many sampled pixels, covered " + checked);
    }

    @Test
    void objectBetweenPointAndLightCastsAHardShadow() {
        // A floor plane facing the camera, a light off to the side, and a small sphere placed halfway
        // on the line from a visible floor point to the light, out of the camera's line of sight.
        var floor = new Plane(new Vec3(0, 0, 5), new Vec3(0, 0, -1), matte(1, 1, 1));
        var light = new PointLight(new Vec3(10, 0, -5));
        var unshadowed = new Scene(List.of(), List.of(floor), List.of(light), CAMERA);
        CompiledScene cs = SceneCompiler.compile(unshadowed, W, H);
        int px = W / 2, py = H / 2;
        Vec3 o = new Vec3(cs.camX, cs.camY, cs.camZ);
        Vec3 d = direction(cs, px, py);
        Vec3 floorPoint = o.plus(d.times((5 - o.z()) / d.z()));
        Vec3 halfway = floorPoint.plus(light.position().minus(floorPoint).times(0.5));
        var shadowed = new Scene(List.of(new Sphere(halfway, 0.5, matte(1, 1, 1))), List.of(floor), List.of(light),
            CAMERA);

        FrameBuffer lit = render(unshadowed, new RayCounts());
        FrameBuffer dark = render(shadowed, new RayCounts());
        Vec3 l = light.position().minus(floorPoint).normalized();
        int expected = (int) (Math.max(0, l.dot(new Vec3(0, 0, -1))) * 255);
        assertChannel(expected, lit.rgb(px, py) & 0xFF, px, py);
        assertTrue(expected > 100, "the floor point faces the light");
        assertEquals(0xFF000000, dark.rgb(px, py), "floor behind the blocker is black");
    }

    @Test
    void perfectMirrorShowsWhatItReflects() {
        // A mirror plane (reflectivity 1, black) facing the camera reflects the camera-side red sphere.
        var mirror = new Plane(new Vec3(0, 0, 5), new Vec3(0, 0, -1), new Material(0, 0, 0, 0, 1));
        var red = new Sphere(new Vec3(0, 0, -30), 8, matte(1, 0, 0));
        var scene = new Scene(List.of(red), List.of(mirror), List.of(new PointLight(new Vec3(0, 0, 0))), CAMERA);
        var counts = new RayCounts();
        FrameBuffer f = render(scene, counts);
        int centre = f.rgb(W / 2, (int) (H * 0.65));
        assertTrue(((centre >> 16) & 0xFF) > 0, "mirror shows the red sphere, got " + Integer.toHexString(centre));
        assertEquals(0, centre & 0xFFFF, "and nothing green or blue");
        assertTrue(counts.reflection > 0);
    }

    @Test
    void raysAreCountedAsPrimaryPlusReflectionPlusOneShadowRayPerLightPerHit() {
        var scene = new Scene(List.of(new Sphere(new Vec3(0, 0, 0), 2, matte(1, 1, 1))), List.of(),
            List.of(new PointLight(new Vec3(0, 0, -10)), new PointLight(new Vec3(5, 5, -10))), CAMERA);
        var counts = new RayCounts();
        render(scene, counts);
        assertEquals((long) W * H, counts.primary);
        assertEquals(0, counts.reflection, "matte objects spawn no reflection rays");
        assertEquals(2 * counts.shadedHits, counts.shadow);
        assertTrue(counts.shadedHits > 0 && counts.shadedHits < (long) W * H);
    }

    @Test
    void reflectionsStopAtFiveRayLevels() {
        // Two parallel mirrors facing each other: a ray bounces between them until the depth limit.
        var front = new Plane(new Vec3(0, 0, 5), new Vec3(0, 0, -1), new Material(0.1, 0.1, 0.1, 0, 1));
        var back = new Plane(new Vec3(0, 0, -15), new Vec3(0, 0, 1), new Material(0.1, 0.1, 0.1, 0, 1));
        var scene = new Scene(List.of(), List.of(front, back), List.of(), CAMERA);
        var counts = new RayCounts();
        render(scene, counts);
        assertEquals(counts.primary * (ScalarKernel.MAX_DEPTH - 1), counts.reflection);
        assertEquals(counts.primary * ScalarKernel.MAX_DEPTH, counts.shadedHits);
    }

    private static void assertChannel(int expected, int actual, int x, int y) {
        assertTrue(Math.abs(expected - actual) <= 1, "pixel " + x + "," + y + ": expected " + expected + " got " + actual);
    }

    private static Material matte(double r, double g, double b) {
        return new Material(r, g, b, 0, 0);
    }

    private static FrameBuffer render(Scene scene, RayCounts counts) {
        FrameBuffer f = new FrameBuffer(W, H);
        new ScalarKernel().renderRows(SceneCompiler.compile(scene, W, H), f, 0, H, 1, counts);
        return f;
    }

    /** Where pixel (x, y)'s primary ray first meets the sphere, by the closed-form solution; null if never. */
    private static Vec3 hitUnitlessSphere(CompiledScene s, int x, int y, Vec3 centre, double radius) {
        Vec3 o = new Vec3(s.camX, s.camY, s.camZ);
        Vec3 d = direction(s, x, y);
        Vec3 f = o.minus(centre);
        double a = d.dot(d), b = 2 * d.dot(f), c = f.dot(f) - radius * radius;
        double disc = b * b - 4 * a * c;
        if (disc < 0) {
            return null;
        }
        double t = (-b - Math.sqrt(disc)) / (2 * a);
        return t > 0 && t <= 1 ? o.plus(d.times(t)) : null;
    }

    private static Vec3 direction(CompiledScene s, int x, int y) {
        return new Vec3(s.baseX + x * (double) s.stepXx + y * (double) s.stepYx,
            s.baseY + x * (double) s.stepXy + y * (double) s.stepYy,
            s.baseZ + x * (double) s.stepXz + y * (double) s.stepYz);
    }
}
