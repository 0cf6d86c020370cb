package raypool.engine.kernel;

import raypool.engine.compile.CompiledScene;

/**
 * Scene constants the packet tests use, each stored once per lane so that a test loads it as a
 * vector. Why not broadcast a float: on AVX-512 cores only ports 0 and 5 execute 512-bit operations,
 * so a broadcast (port 5) takes a slot an FMA could use, while a load goes to the separate load ports
 * and can fold into the FMA that consumes it. The sphere tests are ~12-20 operations, 4-5 of them were
 * broadcasts. (Measured: no change in frame time beyond this shared machine's noise of ~3%; kept
 * because it takes work off the two busiest ports.)
 *
 * <p>For shadow rays the sphere terms are taken from the light's side: a ray x(u) = L + u (P - L),
 * u in [0, 1 - EPSILON] (c-ray's t in [EPSILON, 1] from the hit point P, run backwards), has
 * w = L - C and c = |w|^2 - r^2 constant per light and sphere, which leaves about 11 vector operations per
 * test instead of about 17. c is computed in double: for the floor (r = 10000) it is the difference of two
 * numbers near 1e8.
 *
 * <p>Refilled when the kernel sees a new compiled scene (once per frame); arrays grow only when a scene
 * has more objects or lights than any before it.
 */
final class LaneConstants {

    private final int lanes;
    private CompiledScene scene;

    // Per sphere i, at i * lanes: centre and K = |C|^2 - r^2 (CompiledScene.sphereK).
    float[] sphereX = new float[0];
    float[] sphereY = new float[0];
    float[] sphereZ = new float[0];
    float[] sphereK = new float[0];

    // Per light l and sphere i, at (l * sphereCount + i) * lanes: w = L - C, L . w, |w|^2 - r^2.
    float[] wx = new float[0];
    float[] wy = new float[0];
    float[] wz = new float[0];
    float[] lightDotW = new float[0];
    float[] shadowC = new float[0];

    LaneConstants(int lanes) {
        this.lanes = lanes;
    }

    /** Offset of sphere i's entries. */
    int sphere(int i) {
        return i * lanes;
    }

    /** Offset of the entries of light l and sphere i. */
    int lightSphere(CompiledScene s, int l, int i) {
        return (l * s.sphereCount + i) * lanes;
    }

    void prepare(CompiledScene s) {
        if (s == scene) {
            return;
        }
        int spheres = s.sphereCount * lanes;
        if (sphereX.length < spheres) {
            sphereX = new float[spheres];
            sphereY = new float[spheres];
            sphereZ = new float[spheres];
            sphereK = new float[spheres];
        }
        int pairs = s.lightCount * s.sphereCount * lanes;
        if (wx.length < pairs) {
            wx = new float[pairs];
            wy = new float[pairs];
            wz = new float[pairs];
            lightDotW = new float[pairs];
            shadowC = new float[pairs];
        }
        for (int i = 0; i < s.sphereCount; i++) {
            fill(sphereX, sphere(i), s.sphereX[i]);
            fill(sphereY, sphere(i), s.sphereY[i]);
            fill(sphereZ, sphere(i), s.sphereZ[i]);
            fill(sphereK, sphere(i), s.sphereK[i]);
        }
        for (int l = 0; l < s.lightCount; l++) {
            double lx = s.lightX[l], ly = s.lightY[l], lz = s.lightZ[l];
            for (int i = 0; i < s.sphereCount; i++) {
                int k = lightSphere(s, l, i);
                double x = lx - s.sphereX[i], y = ly - s.sphereY[i], z = lz - s.sphereZ[i];
                double r = s.sphereRadius[i];
                fill(wx, k, (float) x);
                fill(wy, k, (float) y);
                fill(wz, k, (float) z);
                fill(lightDotW, k, (float) (lx * x + ly * y + lz * z));
                fill(shadowC, k, (float) (x * x + y * y + z * z - r * r));
            }
        }
        scene = s;
    }

    private void fill(float[] array, int offset, float value) {
        for (int lane = 0; lane < lanes; lane++) {
            array[offset + lane] = value;
        }
    }
}
