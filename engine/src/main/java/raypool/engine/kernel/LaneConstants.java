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
 * <p>Refilled when the kernel sees a new compiled scene (once per frame); the array grows only when a
 * scene has more spheres or lights than any before it.
 */
final class LaneConstants {

    private static final int L = RayPacket.LANES;

    // Per sphere i, from sphere(i): centre C, -2 C, K = |C|^2 - r^2 (CompiledScene.sphereK) and i
    // itself, as float like RayPacket's object indices (a load instead of a conversion and a broadcast
    // per test).
    static final int SPHERE_X = 0;
    static final int SPHERE_Y = L;
    static final int SPHERE_Z = 2 * L;
    static final int SPHERE_K = 3 * L;
    static final int SPHERE_INDEX = 4 * L;
    static final int MINUS_TWO_X = 5 * L;
    static final int MINUS_TWO_Y = 6 * L;
    static final int MINUS_TWO_Z = 7 * L;
    private static final int PER_SPHERE = 8 * L;

    // Per light l and sphere i, from lightSphere(l, i): w = L - C, L . w and |w|^2 - r^2.
    static final int WX = 0;
    static final int WY = L;
    static final int WZ = 2 * L;
    static final int LIGHT_DOT_W = 3 * L;
    static final int SHADOW_C = 4 * L;
    static final int SEPARATION = 5 * L;
    static final int PAIR_SPHERE_INDEX = 6 * L;
    static final int PER_PAIR = 7 * L;

    // Per object i (spheres first, then planes), from surface(i): what PacketShader.surface blends
    // into the lanes that hit it. The unit normal at P is P * NORMAL_SCALE + NORMAL_OFFSET: for a
    // sphere (P - C) / r, so scale 1/r and offset -C/r; for a plane scale 0 and offset its normal.
    static final int OBJECT_INDEX = 0;
    static final int NORMAL_SCALE = L;
    static final int NORMAL_OFFSET_X = 2 * L;
    static final int NORMAL_OFFSET_Y = 3 * L;
    static final int NORMAL_OFFSET_Z = 4 * L;
    static final int RED = 5 * L;
    static final int GREEN = 6 * L;
    static final int BLUE = 7 * L;
    static final int SHININESS = 8 * L;
    static final int SPECULAR_CUTOFF = 9 * L;
    static final int REFLECTIVITY = 10 * L;
    static final int PER_OBJECT = 11 * L;

    private CompiledScene scene;
    private int pairsStart;
    private int objectsStart;
    /**
     * Every constant in one array, at offsets that differ by constants, for the reason RayPacket
     * gives: C2 folds the bounds checks of one array and constant offsets.
     */
    float[] table = new float[0];

    /** Offset of sphere i's entries. */
    int sphere(int i) {
        return i * PER_SPHERE;
    }

    /** Offset of object i's surface entries (spheres first, then planes). */
    int surface(int i) {
        return objectsStart + i * PER_OBJECT;
    }

    /** Offset of the entries of light l and sphere i. */
    int lightSphere(CompiledScene s, int l, int i) {
        return pairsStart + (l * s.sphereCount + i) * PER_PAIR;
    }

    void prepare(CompiledScene s) {
        if (s == scene) {
            return;
        }
        pairsStart = s.sphereCount * PER_SPHERE;
        objectsStart = pairsStart + s.lightCount * s.sphereCount * PER_PAIR;
        int size = objectsStart + s.objectCount() * PER_OBJECT;
        if (table.length < size) {
            table = new float[size];
        }
        for (int i = 0; i < s.sphereCount; i++) {
            fill(sphere(i) + SPHERE_X, s.sphereX[i]);
            fill(sphere(i) + SPHERE_Y, s.sphereY[i]);
            fill(sphere(i) + SPHERE_Z, s.sphereZ[i]);
            fill(sphere(i) + SPHERE_K, s.sphereK[i]);
            fill(sphere(i) + MINUS_TWO_X, -2 * s.sphereX[i]);
            fill(sphere(i) + MINUS_TWO_Y, -2 * s.sphereY[i]);
            fill(sphere(i) + MINUS_TWO_Z, -2 * s.sphereZ[i]);
            fill(sphere(i) + SPHERE_INDEX, i);
        }
        for (int i = 0; i < s.objectCount(); i++) {
            int at = surface(i);
            fill(at + OBJECT_INDEX, i);
            if (i < s.sphereCount) {
                double invRadius = 1.0 / s.sphereRadius[i];
                fill(at + NORMAL_SCALE, (float) invRadius);
                fill(at + NORMAL_OFFSET_X, (float) (-s.sphereX[i] * invRadius));
                fill(at + NORMAL_OFFSET_Y, (float) (-s.sphereY[i] * invRadius));
                fill(at + NORMAL_OFFSET_Z, (float) (-s.sphereZ[i] * invRadius));
            } else {
                int plane = i - s.sphereCount;
                fill(at + NORMAL_SCALE, 0f);
                fill(at + NORMAL_OFFSET_X, s.planeNx[plane]);
                fill(at + NORMAL_OFFSET_Y, s.planeNy[plane]);
                fill(at + NORMAL_OFFSET_Z, s.planeNz[plane]);
            }
            fill(at + RED, s.red[i]);
            fill(at + GREEN, s.green[i]);
            fill(at + BLUE, s.blue[i]);
            fill(at + SHININESS, s.shininess[i]);
            fill(at + SPECULAR_CUTOFF, s.specularCutoff[i]);
            fill(at + REFLECTIVITY, s.reflectivity[i]);
        }
        for (int l = 0; l < s.lightCount; l++) {
            double lx = s.lightX[l], ly = s.lightY[l], lz = s.lightZ[l];
            for (int i = 0; i < s.sphereCount; i++) {
                int k = lightSphere(s, l, i);
                double x = lx - s.sphereX[i], y = ly - s.sphereY[i], z = lz - s.sphereZ[i];
                double r = s.sphereRadius[i];
                fill(k + WX, (float) x);
                fill(k + WY, (float) y);
                fill(k + WZ, (float) z);
                fill(k + LIGHT_DOT_W, (float) (lx * x + ly * y + lz * z));
                fill(k + SHADOW_C, (float) (x * x + y * y + z * z - r * r));
                // The sphere lies in (X - C).w <= r |w|, the light beyond it when |w| > r: a segment
                // from the light to P misses the sphere when (P - C).w > r |w|, that is when
                // (P - L).w > r |w| - |w|^2. The margin (1e-5 relative) keeps float rounding of
                // (P - L).w on the safe side; with the light inside the sphere nothing is culled.
                double w = Math.sqrt(x * x + y * y + z * z);
                fill(k + PAIR_SPHERE_INDEX, i);
                fill(k + SEPARATION, w > r
                    ? (float) (r * w - w * w + 1e-5 * w * (w + r) + 1e-3)
                    : Float.POSITIVE_INFINITY);
            }
        }
        scene = s;
    }

    private void fill(int offset, float value) {
        for (int lane = 0; lane < L; lane++) {
            table[offset + lane] = value;
        }
    }
}
