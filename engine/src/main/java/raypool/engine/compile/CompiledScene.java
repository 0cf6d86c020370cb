package raypool.engine.compile;

/**
 * A scene flattened into structure-of-arrays {@code float[]} for the kernels: one array per attribute,
 * objects indexed 0..sphereCount-1 for spheres then planes. Built once per frame by
 * {@link SceneCompiler}; kernels only read it. Fields are public final arrays because the kernels' hot
 * loops index them directly; nothing may write them after compilation.
 */
public final class CompiledScene {

    public final int width;
    public final int height;

    public final int sphereCount;
    public final float[] sphereX;
    public final float[] sphereY;
    public final float[] sphereZ;
    public final float[] sphereRadius;
    public final float[] sphereInvRadius;
    /**
     * |C|^2 - r^2 per sphere, computed in double. With it the ray-sphere constant term is
     * o.o - 2 o.C + K, which keeps float precision on c-ray's floor (a sphere of radius 10000, where
     * |o - C|^2 - r^2 would cancel away every digit of the ray origin's height).
     */
    public final float[] sphereK;

    public final int planeCount;
    public final float[] planeNx;
    public final float[] planeNy;
    public final float[] planeNz;
    /** n . p for a point p on the plane. */
    public final float[] planeD;

    /** Materials of all objects (spheres first, then planes). */
    public final float[] red;
    public final float[] green;
    public final float[] blue;
    public final float[] shininess;
    public final float[] reflectivity;
    /**
     * Below this value of R.L, (R.L)^shininess is under 1e-9 and adds nothing that an 8-bit channel can
     * show, so kernels skip the pow. 2 for materials without highlight.
     */
    public final float[] specularCutoff;

    public final int lightCount;
    public final float[] lightX;
    public final float[] lightY;
    public final float[] lightZ;

    /** Camera origin, and the primary ray direction as base + x * stepX + y * stepY (c-ray's camera). */
    public final float camX, camY, camZ;
    public final float baseX, baseY, baseZ;
    public final float stepXx, stepXy, stepXz;
    public final float stepYx, stepYy, stepYz;

    CompiledScene(Builder b) {
        width = b.width;
        height = b.height;
        sphereCount = b.sphereX.length;
        sphereX = b.sphereX;
        sphereY = b.sphereY;
        sphereZ = b.sphereZ;
        sphereRadius = b.sphereRadius;
        sphereInvRadius = b.sphereInvRadius;
        sphereK = b.sphereK;
        planeCount = b.planeNx.length;
        planeNx = b.planeNx;
        planeNy = b.planeNy;
        planeNz = b.planeNz;
        planeD = b.planeD;
        red = b.red;
        green = b.green;
        blue = b.blue;
        shininess = b.shininess;
        reflectivity = b.reflectivity;
        specularCutoff = b.specularCutoff;
        lightCount = b.lightX.length;
        lightX = b.lightX;
        lightY = b.lightY;
        lightZ = b.lightZ;
        camX = b.cam[0];
        camY = b.cam[1];
        camZ = b.cam[2];
        baseX = b.base[0];
        baseY = b.base[1];
        baseZ = b.base[2];
        stepXx = b.stepX[0];
        stepXy = b.stepX[1];
        stepXz = b.stepX[2];
        stepYx = b.stepY[0];
        stepYy = b.stepY[1];
        stepYz = b.stepY[2];
    }

    public int objectCount() {
        return sphereCount + planeCount;
    }

    /** Mutable staging for the compiler; the scene itself is immutable once built. */
    static final class Builder {
        int width;
        int height;
        float[] sphereX, sphereY, sphereZ, sphereRadius, sphereInvRadius, sphereK;
        float[] planeNx, planeNy, planeNz, planeD;
        float[] red, green, blue, shininess, reflectivity, specularCutoff;
        float[] lightX, lightY, lightZ;
        float[] cam = new float[3];
        float[] base = new float[3];
        float[] stepX = new float[3];
        float[] stepY = new float[3];
    }
}
