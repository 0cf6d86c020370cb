package raypool.opencl;

import raypool.engine.compile.CompiledScene;

import java.util.Arrays;

/**
 * A {@link CompiledScene} packed into one float array in the layout raypool.cl reads (see the comment
 * there; keep the two in step). One buffer instead of twenty-odd keeps the kernel's argument list short
 * and lets the host upload a frame's changes as a single span: for the animated benchmark that span is
 * the moving sphere's four floats.
 */
final class PackedScene {

    static final int SPHERE_FLOATS = 8;
    static final int PLANE_FLOATS = 4;
    static final int LIGHT_FLOATS = 4;
    static final int MATERIAL_FLOATS = 8;
    static final int CAMERA_FLOATS = 12;

    final int sphereCount;
    final int planeCount;
    final int lightCount;
    final float[] data;
    /** The previous contents during {@link #update}: kept, so a frame's repack allocates nothing. */
    private final float[] before;

    private PackedScene(int sphereCount, int planeCount, int lightCount) {
        this.sphereCount = sphereCount;
        this.planeCount = planeCount;
        this.lightCount = lightCount;
        int objects = sphereCount + planeCount;
        this.data = new float[SPHERE_FLOATS * sphereCount + PLANE_FLOATS * planeCount + LIGHT_FLOATS * lightCount
            + MATERIAL_FLOATS * objects + CAMERA_FLOATS];
        this.before = new float[data.length];
    }

    static PackedScene of(CompiledScene s) {
        var packed = new PackedScene(s.sphereCount, s.planeCount, s.lightCount);
        packed.fill(s);
        return packed;
    }

    /** Whether {@code s} packs into arrays of this shape (same object and light counts). */
    boolean sameShapeAs(CompiledScene s) {
        return s.sphereCount == sphereCount && s.planeCount == planeCount && s.lightCount == lightCount;
    }

    /**
     * Repacks {@code s} (of the same shape) in place and returns the span of floats that changed, as
     * {@code {from, to}} with to exclusive; {@code {0, 0}} when nothing changed.
     */
    int[] update(CompiledScene s) {
        if (!sameShapeAs(s)) {
            throw new IllegalArgumentException("scene shape changed: repack it instead");
        }
        System.arraycopy(data, 0, before, 0, data.length);
        fill(s);
        int from = Arrays.mismatch(before, data);
        if (from < 0) {
            return new int[] {0, 0};
        }
        int to = data.length;
        while (to > from && Float.floatToRawIntBits(before[to - 1]) == Float.floatToRawIntBits(data[to - 1])) {
            to--;
        }
        return new int[] {from, to};
    }

    private void fill(CompiledScene s) {
        int at = 0;
        for (int i = 0; i < sphereCount; i++, at += SPHERE_FLOATS) {
            put(at, s.sphereX[i], s.sphereY[i], s.sphereZ[i], s.sphereRadius[i]);
            put(at + 4, s.sphereK[i], 0f, 0f, 0f);
        }
        for (int p = 0; p < planeCount; p++, at += PLANE_FLOATS) {
            put(at, s.planeNx[p], s.planeNy[p], s.planeNz[p], s.planeD[p]);
        }
        for (int l = 0; l < lightCount; l++, at += LIGHT_FLOATS) {
            put(at, s.lightX[l], s.lightY[l], s.lightZ[l], 0f);
        }
        for (int o = 0; o < sphereCount + planeCount; o++, at += MATERIAL_FLOATS) {
            put(at, s.red[o], s.green[o], s.blue[o], s.shininess[o]);
            put(at + 4, s.reflectivity[o], s.specularCutoff[o], 0f, 0f);
        }
        put(at, s.camX, s.camY, s.camZ, s.baseX);
        put(at + 4, s.baseY, s.baseZ, s.stepXx, s.stepXy);
        put(at + 8, s.stepXz, s.stepYx, s.stepYy, s.stepYz);
    }

    private void put(int at, float a, float b, float c, float d) {
        data[at] = a;
        data[at + 1] = b;
        data[at + 2] = c;
        data[at + 3] = d;
    }
}
