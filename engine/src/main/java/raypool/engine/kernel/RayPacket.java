package raypool.engine.kernel;

import jdk.incubator.vector.FloatVector;

/**
 * The state of one packet of rays: one vector of lanes per attribute (structure of arrays), all in one
 * array allocated once per kernel instance, each attribute at a constant offset. The packet's stages
 * (intersect, surface, light, reflect) pass their results through it rather than as vector objects: a
 * vector that crosses a call C2 did not inline is boxed on the heap, while a load from L1 costs a cycle.
 *
 * <p>Why one array: every vector load or store is bounds-checked against its array's length, which C2
 * cannot know for an array held in a field. With an array per attribute (the first version) the checks
 * cost ~15% of the frame time (switching them off with -Djdk.incubator.vector.VECTOR_ACCESS_OOB_CHECK=0
 * took five at 800x600 from 11.1 to 9.5 ms per frame on one thread). With one array and constant
 * offsets the checks of a stage are against one length and C2 folds most of them: 10.1 ms.
 */
final class RayPacket {

    /** Marks "no object" in OBJECT; objects are numbered from 0. */
    static final float NONE = -1f;
    static final int LANES = FloatVector.SPECIES_PREFERRED.length();

    // The current ray: origin, direction (not normalised: c-ray's t runs from 0 to 1 along it), 1 / |d|.
    // The object it left, which it cannot hit again (see PacketIntersector), is in lanesOnObject.
    static final int OX = 0 * LANES;
    static final int OY = 1 * LANES;
    static final int OZ = 2 * LANES;
    static final int DX = 3 * LANES;
    static final int DY = 4 * LANES;
    static final int DZ = 5 * LANES;
    static final int INV_LENGTH = 6 * LANES;

    // The pixel's colour so far and the product of the reflectivities above the current ray.
    static final int RED = 7 * LANES;
    static final int GREEN = 8 * LANES;
    static final int BLUE = 9 * LANES;
    static final int WEIGHT = 10 * LANES;

    // Nearest hit of the current ray: parameter t and object index (as float; exact for small ints).
    static final int T = 11 * LANES;
    static final int OBJECT = 12 * LANES;

    // The surface at the hit: point, unit normal, unit mirror direction and the object's material.
    static final int PX = 13 * LANES;
    static final int PY = 14 * LANES;
    static final int PZ = 15 * LANES;
    static final int NX = 16 * LANES;
    static final int NY = 17 * LANES;
    static final int NZ = 18 * LANES;
    static final int RX = 19 * LANES;
    static final int RY = 20 * LANES;
    static final int RZ = 21 * LANES;
    static final int MAT_RED = 22 * LANES;
    static final int MAT_GREEN = 23 * LANES;
    static final int MAT_BLUE = 24 * LANES;
    static final int SHININESS = 25 * LANES;
    static final int SPECULAR_CUTOFF = 26 * LANES;
    static final int REFLECTIVITY = 27 * LANES;

    // One light's highlight (R.L)^shininess, or 0, and 1 / |L - P|.
    static final int HIGHLIGHT = 28 * LANES;
    static final int LIGHT_INV_DISTANCE = 29 * LANES;
    static final int ATTRIBUTES = 30;

    final float[] data = new float[ATTRIBUTES * LANES];

    /**
     * For each object, the lanes whose current hit is on it, as a bit mask, set by
     * PacketShader.surface; after PacketShader.reflect, the lanes whose mirror ray leaves it; all 0 for
     * primary rays. The shadow and the next nearest-hit test leave a ray's own object out with one
     * scalar AND instead of a compare per object (and light).
     */
    long[] lanesOnObject = new long[0];
    /**
     * Bit i set for every object i that some lane's nearest hit may be on (a superset), set by
     * PacketIntersector.nearest so that PacketShader.surface compares only those; bit 63 stands for
     * objects 63 and above.
     */
    long objectsMaybeHit;
    /** The lanes whose current hit is on a sphere (not a plane), set by PacketShader.surface. */
    long sphereLanes;

    /** Makes room for a scene of this many objects (grows only, so not once per frame). */
    void fitObjects(int objects) {
        if (lanesOnObject.length < objects) {
            lanesOnObject = new long[objects];
        }
    }
}
