package raypool.engine.kernel;

/**
 * The state of one packet of rays, one array per attribute and one element per lane (structure of
 * arrays), allocated once per kernel instance. The packet's stages (intersect, surface, light, reflect)
 * pass their results through these arrays rather than as vector objects: a vector that crosses a call
 * C2 did not inline is boxed on the heap, while a load from a 64-byte array in L1 costs one cycle.
 */
final class RayPacket {

    /** Marks "no object" in {@link #from} and {@link #object}; objects are numbered from 0. */
    static final float NONE = -1f;

    // The current ray: origin, direction (not normalised: c-ray's t runs from 0 to 1 along it), and the
    // object it left, which it cannot hit again (see PacketIntersector).
    final float[] ox, oy, oz;
    final float[] dx, dy, dz;
    final float[] from;
    /** 1 / |d| of the current ray. */
    final float[] invLength;

    // The pixel's colour so far and the product of the reflectivities above the current ray.
    final float[] red, green, blue;
    final float[] weight;

    // Nearest hit of the current ray: parameter t and object index (as float; exact for small ints).
    final float[] t;
    final float[] object;

    // The surface at the hit: point, unit normal, unit mirror direction, whether it is a sphere, and
    // the object's material.
    final float[] px, py, pz;
    final float[] nx, ny, nz;
    final float[] rx, ry, rz;
    final float[] sphere;
    final float[] matRed, matGreen, matBlue, shininess, specularCutoff, reflectivity;
    // One light's highlight (R.L)^shininess, or 0, and 1 / |L - P|.
    final float[] highlight;
    final float[] lightInvDistance;

    RayPacket(int lanes) {
        ox = new float[lanes];
        oy = new float[lanes];
        oz = new float[lanes];
        dx = new float[lanes];
        dy = new float[lanes];
        dz = new float[lanes];
        from = new float[lanes];
        red = new float[lanes];
        green = new float[lanes];
        blue = new float[lanes];
        weight = new float[lanes];
        t = new float[lanes];
        object = new float[lanes];
        px = new float[lanes];
        py = new float[lanes];
        pz = new float[lanes];
        nx = new float[lanes];
        ny = new float[lanes];
        nz = new float[lanes];
        rx = new float[lanes];
        ry = new float[lanes];
        rz = new float[lanes];
        sphere = new float[lanes];
        matRed = new float[lanes];
        matGreen = new float[lanes];
        matBlue = new float[lanes];
        shininess = new float[lanes];
        specularCutoff = new float[lanes];
        reflectivity = new float[lanes];
        highlight = new float[lanes];
        lightInvDistance = new float[lanes];
        invLength = new float[lanes];
    }
}
