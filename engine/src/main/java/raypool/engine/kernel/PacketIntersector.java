package raypool.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import raypool.engine.compile.CompiledScene;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

/**
 * Ray-object tests for a packet of rays in float, by c-ray 1.1's rules (as {@link ScalarKernel}): a ray
 * o + t d hits an object at t in [EPSILON, 1], c-ray's quirk for rays that start inside a sphere kept.
 *
 * <p><b>Precision, and why float is safe here.</b> Float leaves computed hit points up to ~1e-5 off the
 * surface, more than c-ray's margin of 1e-6 of a ray, so a secondary ray tested against the object it
 * starts on hits that object again at t ~ 0 (shadow acne on ~8% of pixels, see ScalarKernel). No
 * epsilon fixes that for every distance. The geometry does: spheres are convex and planes flat, so a ray
 * leaving a surface can meet it again only when a shadow ray leaves a sphere into it (N.L &lt; 0), where it
 * crosses the sphere and exits beyond the margin. So a ray is never tested against the object it left
 * ({@link RayPacket#lanesOnObject}); a shadow ray from a sphere is blocked by that sphere exactly when N.L &lt; 0;
 * this is what c-ray's margin decides in exact arithmetic, without depending on rounding at all.
 * The other objects are tested with float-friendly forms of the quadratic a t^2 + 2 b t + c:
 * <ul>
 * <li>c = o.o - 2 o.C + K, with K = |C|^2 - r^2 precomputed in double ({@link CompiledScene#sphereK}):
 *     for c-ray's floor (radius 10000) |o - C|^2 - r^2 would subtract two numbers near 1e8 whose float
 *     ulp is 8, losing every digit of the ray origin's height;</li>
 * <li>the nearest root by the cancellation-free pair q = -(b + sign(b) sqrt(b^2 - ac)), roots q/a and
 *     c/q (Ray Tracing Gems, ch. 7): -b - sqrt(...) loses ~3 of float's 7 digits for the floor, whose
 *     far root is ~1000 times the near one;</li>
 * <li>shadow rays need no root at all: the roots' interval meets the segment exactly when the convex
 *     quadratic is &lt;= 0 at the point of the segment nearest its vertex -b/a, which saves a square
 *     root and a division per test; they are cast from the light's side, where the constant term is a
 *     per-scene constant computed in double (see {@link LaneConstants}).</li>
 * </ul>
 * Measured against the double reference on five at 800x600: about 0.02% of the pixels differ by more
 * than 2 per channel (raybench reports it for every run), on silhouettes and shadow edges, directly or
 * in reflections, where float and double disagree about a grazing ray (results/intel-xeon-avx512-2cpu/simd.md).
 *
 * <p>Counting follows ScalarKernel: a traced ray tests every object; a shadow ray tests objects in
 * order up to and including the first that blocks it (one its own sphere blocks counts the tests up to
 * that sphere). Tests skipped because no lane can pass them still count: the scalar kernel makes them.
 *
 * <p>Why the code looks as it does: C2 compiles FloatVector.min/max to six instructions each (Java's
 * NaN and signed-zero rules), so clamps and orderings are compares and blends; lane sets carried from
 * one loop iteration to the next are longs, because a VectorMask carried across a branch is boxed;
 * per-object constants are loaded from {@link LaneConstants} rather than broadcast (results/intel-xeon-avx512-2cpu/simd.md,
 * "Third round", has the measurements).
 */
final class PacketIntersector {

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = LaneMasks.I;
    static final float EPSILON = (float) ScalarKernel.EPSILON;
    private static final float NO_HIT = Float.POSITIVE_INFINITY;
    private static final float ONE_MINUS_EPSILON = 1f - EPSILON;

    private PacketIntersector() {
    }

    /**
     * Nearest hit of each active lane's ray; writes {@link RayPacket#T} and {@link RayPacket#OBJECT} and
     * returns the lanes that hit something, as a lane bit mask. Spheres whose bit in {@code spheres} is
     * clear are known to be missed by every lane (PrimaryRowCull) and not tested.
     */
    static long nearest(CompiledScene s, LaneConstants k, RayPacket p, long active, long spheres,
                        RayCounts counts) {
        IntVector laneBit = IntVector.fromArray(I, LaneMasks.LANE_BIT, 0);
        VectorMask<Float> live = IntVector.broadcast(I, (int) active).and(laneBit).compare(EQ, laneBit).cast(F);
        float[] table = k.table;
        long[] leaving = p.lanesOnObject;
        FloatVector ox = FloatVector.fromArray(F, p.data, RayPacket.OX);
        FloatVector oy = FloatVector.fromArray(F, p.data, RayPacket.OY);
        FloatVector oz = FloatVector.fromArray(F, p.data, RayPacket.OZ);
        FloatVector dx = FloatVector.fromArray(F, p.data, RayPacket.DX);
        FloatVector dy = FloatVector.fromArray(F, p.data, RayPacket.DY);
        FloatVector dz = FloatVector.fromArray(F, p.data, RayPacket.DZ);
        FloatVector a = dx.fma(dx, dy.fma(dy, dz.mul(dz)));
        // 1/|d| was set with the ray (SimdKernel.primaryRays; constant for mirror rays, whose length is
        // c-ray's 1000), so no square root or division per packet step here.
        FloatVector invLength = FloatVector.fromArray(F, p.data, RayPacket.INV_LENGTH);
        FloatVector invA = invLength.mul(invLength);
        FloatVector dDotO = dx.fma(ox, dy.fma(oy, dz.mul(oz)));
        FloatVector oDotO = ox.fma(ox, oy.fma(oy, oz.mul(oz)));
        FloatVector minusA = a.neg();
        // Objects some lane may have hit (a lane's nearest hit is on one of them), for surface().
        // Bit i for object i; with more than 64 objects every object past the 63rd is kept (bit 63).
        long maybeHit = s.objectCount() > Long.SIZE ? 1L << (Long.SIZE - 1) : 0L;
        FloatVector bestT = FloatVector.broadcast(F, NO_HIT);
        FloatVector bestObject = FloatVector.broadcast(F, RayPacket.NONE);

        for (int i = 0; i < s.sphereCount; i++) {
            long others = active & ~leaving[i];
            if (others == 0L || i < Long.SIZE && (spheres & 1L << i) == 0) {
                // Every ray leaves this sphere (mirror rays from the floor, say), or none can hit it.
                continue;
            }
            int at = k.sphere(i);
            FloatVector cx = FloatVector.fromArray(F, table, at + LaneConstants.SPHERE_X);
            FloatVector cy = FloatVector.fromArray(F, table, at + LaneConstants.SPHERE_Y);
            FloatVector cz = FloatVector.fromArray(F, table, at + LaneConstants.SPHERE_Z);
            FloatVector halfB = dDotO.sub(dx.fma(cx, dy.fma(cy, dz.mul(cz))));
            // c = |o|^2 + K - 2 o.C, the -2 C stored: four operations.
            FloatVector c = ox.fma(FloatVector.fromArray(F, table, at + LaneConstants.MINUS_TWO_X),
                oy.fma(FloatVector.fromArray(F, table, at + LaneConstants.MINUS_TWO_Y),
                    oz.fma(FloatVector.fromArray(F, table, at + LaneConstants.MINUS_TWO_Z),
                        oDotO.add(FloatVector.fromArray(F, table, at + LaneConstants.SPHERE_K)))));
            FloatVector disc = halfB.fma(halfB, minusA.mul(c));
            // A ray starting outside the sphere (c > 0) and heading away from its centre (halfB >= 0)
            // has both roots <= 0, also as computed below (q <= 0, c / q <= 0): no hit, so lanes and
            // packets that only see spheres behind them (mirror rays leaving the floor upwards) skip
            // the square root and the division. The candidates, disc >= 0 and (halfB < 0 or c <= 0),
            // are read off the sign bits: (halfB | c) & ~disc, one ternary-logic instruction and one
            // compare instead of three compares and two mask operations. It differs only on signed
            // zeros, where the roots are 0 or the ray grazes the sphere: no hit at t >= EPSILON either way.
            IntVector signs = halfB.reinterpretAsInts().or(c.reinterpretAsInts())
                .lanewise(VectorOperators.AND_NOT, disc.reinterpretAsInts());
            FloatVector index = FloatVector.fromArray(F, table, at + LaneConstants.SPHERE_INDEX);
            // A ray is never tested against the object it leaves (see the class comment).
            VectorMask<Float> candidates = IntVector.broadcast(I, (int) others).and(laneBit).compare(EQ, laneBit)
                .and(signs.compare(LT, 0)).cast(F);
            if (!candidates.anyTrue()) {
                continue;
            }
            FloatVector sq = disc.sqrt();
            FloatVector q = sq.sub(halfB).blend(halfB.add(sq).neg(), halfB.compare(GE, 0f));
            FloatVector r1 = q.mul(invA);
            FloatVector r2 = c.div(q);
            // Ordered by a compare and two blends: FloatVector.min/max follow Math.min/max (NaN and
            // -0.0 rules), which C2 compiles to six instructions each on AVX-512.
            VectorMask<Float> swapped = r2.compare(LT, r1);
            FloatVector near = r1.blend(r2, swapped);
            FloatVector far = r2.blend(r1, swapped);
            // c-ray: no hit if both roots are below EPSILON or both beyond 1; else the nearer root at or
            // past EPSILON (which may be the far root beyond 1: c-ray's quirk, kept).
            FloatVector t = far.blend(near, near.compare(GE, EPSILON));
            VectorMask<Float> closer = candidates
                .and(far.compare(GE, EPSILON))
                .and(near.compare(LE, 1f))
                .and(t.compare(LT, bestT));
            bestT = bestT.blend(t, closer);
            bestObject = bestObject.blend(index, closer);
            if (closer.anyTrue()) {
                maybeHit |= 1L << i;
            }
        }
        for (int j = 0; j < s.planeCount; j++) {
            int object = s.sphereCount + j;
            float nx = s.planeNx[j], ny = s.planeNy[j], nz = s.planeNz[j];
            FloatVector nDotO = ox.mul(nx).add(oy.mul(ny)).add(oz.mul(nz));
            FloatVector nDotD = dx.mul(nx).add(dy.mul(ny)).add(dz.mul(nz));
            FloatVector t = nDotO.neg().add(s.planeD[j]).div(nDotD);
            VectorMask<Float> closer = IntVector.broadcast(I, (int) (active & ~leaving[object])).and(laneBit)
                .compare(EQ, laneBit).cast(F)
                .and(t.compare(GE, EPSILON))
                .and(t.compare(LE, 1f))
                .and(t.compare(LT, bestT));
            bestT = bestT.blend(t, closer);
            bestObject = bestObject.blend((float) object, closer);
            maybeHit |= 1L << object;
        }
        counts.intersectionTests += (long) Long.bitCount(active) * s.objectCount();
        p.objectsMaybeHit = maybeHit;
        bestT.intoArray(p.data, RayPacket.T);
        bestObject.intoArray(p.data, RayPacket.OBJECT);
        return bestObject.compare(GE, 0f).and(live).toLong();
    }

    /**
     * Shadow rays from each active lane's hit point to the light: returns the lanes whose segment no
     * object blocks. Any hit will do, so each lane stops at its first blocker and the whole packet stops
     * when every lane is blocked.
     *
     * <p>The loop over spheres is kept to the test itself (about ten vector operations when no lane
     * is blocked, the usual case): the bookkeeping of blocked lanes and of the test count happens only
     * when a sphere blocks a lane. The count is every object for every lane, less the objects a lane
     * does not test after its first blocker.
     */
    static long unblocked(CompiledScene s, LaneConstants k, RayPacket p, int light, long active,
                          RayCounts counts) {
        float[] table = k.table;
        FloatVector ox = FloatVector.fromArray(F, p.data, RayPacket.PX);
        FloatVector oy = FloatVector.fromArray(F, p.data, RayPacket.PY);
        FloatVector oz = FloatVector.fromArray(F, p.data, RayPacket.PZ);
        // Plane tests go from the point to the light; sphere tests from the light to the point.
        FloatVector dx = ox.neg().add(s.lightX[light]);
        FloatVector dy = oy.neg().add(s.lightY[light]);
        FloatVector dz = oz.neg().add(s.lightZ[light]);
        FloatVector a = dx.fma(dx, dy.fma(dy, dz.mul(dz)));
        // 1/|L - P| also normalises the light direction in PacketShader.addLight.
        FloatVector invDistance = FloatVector.broadcast(F, 1f).div(a.sqrt());
        invDistance.intoArray(p.data, RayPacket.LIGHT_INV_DISTANCE);
        FloatVector minusInvA = invDistance.mul(invDistance).neg();
        // The light is behind the sphere's own surface: the segment runs through that sphere.
        FloatVector nx = FloatVector.fromArray(F, p.data, RayPacket.NX);
        FloatVector ny = FloatVector.fromArray(F, p.data, RayPacket.NY);
        FloatVector nz = FloatVector.fromArray(F, p.data, RayPacket.NZ);
        FloatVector nDotL = nx.fma(dx, ny.fma(dy, nz.mul(dz)));
        long ownSphereBlocks = nDotL.compare(LT, 0f).toLong() & p.sphereLanes & active;

        // Lane sets carried from one sphere to the next are longs, not VectorMasks: a mask merged
        // across a branch or a loop iteration is boxed by C2 (and the loop then polls for safepoints).
        long[] lanesOnObject = p.lanesOnObject;
        int objects = s.objectCount();
        long tests = (long) Long.bitCount(active) * objects;
        if (ownSphereBlocks != 0L) {
            // Lanes their own sphere blocks are settled at once; they count the tests up to their own
            // sphere (the scalar kernel may stop earlier, at a sphere in front of it: a rare few).
            for (int i = 0; i < s.sphereCount; i++) {
                tests -= (long) Long.bitCount(ownSphereBlocks & lanesOnObject[i]) * (objects - 1 - i);
            }
        }
        long pending = active & ~ownSphereBlocks;
        IntVector laneBit = IntVector.fromArray(I, LaneMasks.LANE_BIT, 0);
        if (pending == 0L) {
            counts.intersectionTests += tests;
            return 0L;
        }
        int pair = k.lightSphere(s, light, 0);
        for (int i = 0; i < s.sphereCount; i++, pair += LaneConstants.PER_PAIR) {
            long others = pending & ~lanesOnObject[i];
            if (others == 0L) {
                // Every lane still pending is on this sphere (a packet on the floor, say).
                continue;
            }
            // From the light: f(u) = a u^2 + 2 halfB u + c with halfB = (P - L).w; the segment is blocked
            // when f <= 0 at the point of [0, 1 - EPSILON] nearest the vertex -halfB / a.
            FloatVector halfB = ox.fma(FloatVector.fromArray(F, table, pair + LaneConstants.WX),
                    oy.fma(FloatVector.fromArray(F, table, pair + LaneConstants.WY),
                        oz.mul(FloatVector.fromArray(F, table, pair + LaneConstants.WZ))))
                .sub(FloatVector.fromArray(F, table, pair + LaneConstants.LIGHT_DOT_W));
            FloatVector c = FloatVector.fromArray(F, table, pair + LaneConstants.SHADOW_C);
            // A segment from the sphere it starts on is decided by N.L alone (ownSphereBlocks, above),
            // never by the rounded geometry, so those lanes are left out. The others need the rest of
            // the test only where the line meets the sphere (halfB^2 >= a c) and P is not beyond the
            // sphere's tangent plane facing the light (LaneConstants.SEPARATION): most segments miss
            // most spheres, and the floor, which nearly every line meets, lies below nearly every
            // point that is not on it.
            VectorMask<Float> test = IntVector.broadcast(I, (int) others).and(laneBit).compare(EQ, laneBit).cast(F)
                .and(halfB.compare(LE, FloatVector.fromArray(F, table, pair + LaneConstants.SEPARATION)))
                .and(halfB.mul(halfB).compare(GE, a.mul(c)));
            long blockedHere = 0L;
            if (test.anyTrue()) {
                // u clamped to [0, 1 - EPSILON] by compares and blends (see nearest on min/max).
                FloatVector vertex = halfB.mul(minusInvA);
                FloatVector u = vertex.blend(0f, vertex.compare(LT, 0f))
                    .blend(ONE_MINUS_EPSILON, vertex.compare(GT, ONE_MINUS_EPSILON));
                FloatVector f = a.fma(u, halfB.add(halfB)).fma(u, c);
                blockedHere = f.compare(LE, 0f).and(test).toLong();
            }
            if (blockedHere != 0L) {
                // These lanes test no object after this one.
                tests -= (long) Long.bitCount(blockedHere) * (objects - 1 - i);
                pending &= ~blockedHere;
                if (pending == 0L) {
                    counts.intersectionTests += tests;
                    return 0L;
                }
            }
        }
        for (int j = 0; j < s.planeCount; j++) {
            int object = s.sphereCount + j;
            float px = s.planeNx[j], py = s.planeNy[j], pz = s.planeNz[j];
            FloatVector nDotO = ox.mul(px).add(oy.mul(py)).add(oz.mul(pz));
            FloatVector nDotD = dx.mul(px).add(dy.mul(py)).add(dz.mul(pz));
            FloatVector t = nDotO.neg().add(s.planeD[j]).div(nDotD);
            // A plane never shadows its own points: the segment meets it only at t = 0.
            long blockedHere = t.compare(GE, EPSILON).and(t.compare(LE, 1f)).toLong()
                & pending & ~lanesOnObject[object];
            if (blockedHere != 0L) {
                tests -= (long) Long.bitCount(blockedHere) * (objects - 1 - object);
                pending &= ~blockedHere;
                if (pending == 0L) {
                    counts.intersectionTests += tests;
                    return 0L;
                }
            }
        }
        counts.intersectionTests += tests;
        return pending;
    }
}
