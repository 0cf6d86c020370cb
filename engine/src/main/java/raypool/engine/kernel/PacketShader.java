package raypool.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import raypool.engine.compile.CompiledScene;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

/**
 * c-ray 1.1's shading for a packet of hits, in float: per light not blocked, diffuse N.L times the
 * material colour plus the Phong highlight (R.L)^shininess, weighted by the reflectivities above; then
 * the mirror ray. The same rules as {@link ScalarKernel}, lane by lane under masks.
 */
final class PacketShader {

    private static final VectorSpecies<Float> F = PacketIntersector.F;
    private static final VectorSpecies<Integer> I = LaneMasks.I;
    private static final float REFLECTED_RAY_LENGTH = (float) ScalarKernel.REFLECTED_RAY_LENGTH;

    private PacketShader() {
    }

    /**
     * Hit point, unit normal, unit mirror direction and material for each hit lane, and the lanes on
     * each object ({@link RayPacket#lanesOnObject}, {@link RayPacket#sphereLanes}). Each object's
     * attributes ({@link LaneConstants#surface}) are blended into the lanes that hit it, and objects no
     * lane hit are skipped: with six objects that is cheaper than a 16-lane gather per attribute, and
     * packets of neighbouring pixels mostly hit one or two objects.
     */
    static void surface(CompiledScene s, LaneConstants k, RayPacket p, long hits) {
        IntVector laneBit = IntVector.fromArray(I, LaneMasks.LANE_BIT, 0);
        VectorMask<Float> hit = IntVector.broadcast(I, (int) hits).and(laneBit).compare(EQ, laneBit).cast(F);
        FloatVector t = FloatVector.fromArray(F, p.data, RayPacket.T);
        FloatVector object = FloatVector.fromArray(F, p.data, RayPacket.OBJECT);
        FloatVector dx = FloatVector.fromArray(F, p.data, RayPacket.DX);
        FloatVector dy = FloatVector.fromArray(F, p.data, RayPacket.DY);
        FloatVector dz = FloatVector.fromArray(F, p.data, RayPacket.DZ);
        FloatVector px = dx.fma(t, FloatVector.fromArray(F, p.data, RayPacket.OX));
        FloatVector py = dy.fma(t, FloatVector.fromArray(F, p.data, RayPacket.OY));
        FloatVector pz = dz.fma(t, FloatVector.fromArray(F, p.data, RayPacket.OZ));

        FloatVector zero = FloatVector.zero(F);
        FloatVector normalScale = zero, normalOffsetX = zero, normalOffsetY = zero, normalOffsetZ = zero;
        FloatVector red = zero, green = zero, blue = zero;
        FloatVector shininess = zero, cutoff = zero, reflectivity = zero;
        float[] table = k.table;
        long[] lanesOnObject = p.lanesOnObject;
        long sphereLanes = 0L;
        long maybeHit = p.objectsMaybeHit;
        for (int i = 0; i < s.objectCount(); i++) {
            if ((maybeHit & 1L << Math.min(i, Long.SIZE - 1)) == 0L) {
                lanesOnObject[i] = 0L;
                continue;
            }
            int at = k.surface(i);
            VectorMask<Float> on = object.compare(EQ, FloatVector.fromArray(F, table, at + LaneConstants.OBJECT_INDEX))
                .and(hit);
            if (!on.anyTrue()) {
                lanesOnObject[i] = 0L;
                continue;
            }
            long lanes = on.toLong();
            lanesOnObject[i] = lanes;
            if (i < s.sphereCount) {
                sphereLanes |= lanes;
            }
            // Blends with the constants loaded from the table (one instruction each, the load folded
            // in), rather than with broadcast scene floats (two).
            normalScale = normalScale.blend(FloatVector.fromArray(F, table, at + LaneConstants.NORMAL_SCALE), on);
            normalOffsetX = normalOffsetX.blend(FloatVector.fromArray(F, table, at + LaneConstants.NORMAL_OFFSET_X), on);
            normalOffsetY = normalOffsetY.blend(FloatVector.fromArray(F, table, at + LaneConstants.NORMAL_OFFSET_Y), on);
            normalOffsetZ = normalOffsetZ.blend(FloatVector.fromArray(F, table, at + LaneConstants.NORMAL_OFFSET_Z), on);
            red = red.blend(FloatVector.fromArray(F, table, at + LaneConstants.RED), on);
            green = green.blend(FloatVector.fromArray(F, table, at + LaneConstants.GREEN), on);
            blue = blue.blend(FloatVector.fromArray(F, table, at + LaneConstants.BLUE), on);
            shininess = shininess.blend(FloatVector.fromArray(F, table, at + LaneConstants.SHININESS), on);
            cutoff = cutoff.blend(FloatVector.fromArray(F, table, at + LaneConstants.SPECULAR_CUTOFF), on);
            reflectivity = reflectivity.blend(FloatVector.fromArray(F, table, at + LaneConstants.REFLECTIVITY), on);
        }
        p.sphereLanes = sphereLanes;
        FloatVector nx = px.fma(normalScale, normalOffsetX);
        FloatVector ny = py.fma(normalScale, normalOffsetY);
        FloatVector nz = pz.fma(normalScale, normalOffsetZ);

        // Mirror direction R = d - 2 (d.n) n, normalised: the highlight's R and the reflected ray's.
        FloatVector twoDn = dx.fma(nx, dy.fma(ny, dz.mul(nz))).mul(2f);
        FloatVector rx = twoDn.neg().fma(nx, dx);
        FloatVector ry = twoDn.neg().fma(ny, dy);
        FloatVector rz = twoDn.neg().fma(nz, dz);
        FloatVector invLength = FloatVector.fromArray(F, p.data, RayPacket.INV_LENGTH);

        px.intoArray(p.data, RayPacket.PX);
        py.intoArray(p.data, RayPacket.PY);
        pz.intoArray(p.data, RayPacket.PZ);
        nx.intoArray(p.data, RayPacket.NX);
        ny.intoArray(p.data, RayPacket.NY);
        nz.intoArray(p.data, RayPacket.NZ);
        rx.mul(invLength).intoArray(p.data, RayPacket.RX);
        ry.mul(invLength).intoArray(p.data, RayPacket.RY);
        rz.mul(invLength).intoArray(p.data, RayPacket.RZ);
        red.intoArray(p.data, RayPacket.MAT_RED);
        green.intoArray(p.data, RayPacket.MAT_GREEN);
        blue.intoArray(p.data, RayPacket.MAT_BLUE);
        shininess.intoArray(p.data, RayPacket.SHININESS);
        cutoff.intoArray(p.data, RayPacket.SPECULAR_CUTOFF);
        reflectivity.intoArray(p.data, RayPacket.REFLECTIVITY);
    }

    /**
     * Adds one light's diffuse and highlight to the lanes it reaches (a bit mask from the shadow test
     * of the same light, which left 1/|L - P| in the packet).
     */
    static void addLight(CompiledScene s, RayPacket p, int light, long lit) {
        IntVector laneBit = IntVector.fromArray(I, LaneMasks.LANE_BIT, 0);
        VectorMask<Float> on = IntVector.broadcast(I, (int) lit).and(laneBit).compare(EQ, laneBit).cast(F);
        FloatVector lx = FloatVector.fromArray(F, p.data, RayPacket.PX).neg().add(s.lightX[light]);
        FloatVector ly = FloatVector.fromArray(F, p.data, RayPacket.PY).neg().add(s.lightY[light]);
        FloatVector lz = FloatVector.fromArray(F, p.data, RayPacket.PZ).neg().add(s.lightZ[light]);
        FloatVector invLength = FloatVector.fromArray(F, p.data, RayPacket.LIGHT_INV_DISTANCE);
        lx = lx.mul(invLength);
        ly = ly.mul(invLength);
        lz = lz.mul(invLength);
        FloatVector nx = FloatVector.fromArray(F, p.data, RayPacket.NX);
        FloatVector ny = FloatVector.fromArray(F, p.data, RayPacket.NY);
        FloatVector nz = FloatVector.fromArray(F, p.data, RayPacket.NZ);
        FloatVector rx = FloatVector.fromArray(F, p.data, RayPacket.RX);
        FloatVector ry = FloatVector.fromArray(F, p.data, RayPacket.RY);
        FloatVector rz = FloatVector.fromArray(F, p.data, RayPacket.RZ);
        FloatVector nDotL = nx.fma(lx, ny.fma(ly, nz.mul(lz)));
        // max(N.L, 0) as a compare and a blend (FloatVector.max costs six instructions, PacketIntersector).
        FloatVector diffuse = nDotL.blend(0f, nDotL.compare(LT, 0f));
        FloatVector rl = rx.fma(lx, ry.fma(ly, rz.mul(lz)));
        // Highlights cover a minority of hits, so (R.L)^n is computed only for packets that have one.
        // The branch hands its result over through an array: a vector merged from two paths (a phi)
        // is boxed by C2 whenever one path is not fully intrinsified, and then every operation after
        // it falls back to Java loops (measured: 11 MB allocated per frame at 8 lanes).
        VectorMask<Float> shiny = rl.compare(GT, FloatVector.fromArray(F, p.data, RayPacket.SPECULAR_CUTOFF)).and(on);
        if (shiny.anyTrue()) {
            // x^n = 2^(n log2 x) for x in (cutoff, 1], to ~1e-6 relative (an 8-bit channel needs 2e-3).
            // Written out rather than VectorOperators.POW, which calls a native vector math library
            // that JDK 25 has for some shapes only (at 8 lanes it fell back to a scalar loop that
            // allocates), and inline because C2 does not inline a helper on a rarely taken branch,
            // which would box its vector arguments.
            IntVector bits = rl.blend(1f, shiny.not()).reinterpretAsInts();
            FloatVector exponent = (FloatVector) bits.lanewise(VectorOperators.LSHR, 23).sub(127)
                .convert(VectorOperators.I2F, 0);
            FloatVector m = bits.and(0x007FFFFF).or(0x3F800000).reinterpretAsFloats();
            // log2 m = (2 / ln 2) atanh(t), t = (m - 1) / (m + 1) in [0, 1/3): the odd series to t^9.
            FloatVector t = m.sub(1f).div(m.add(1f));
            FloatVector t2 = t.mul(t);
            FloatVector series = t2.mul(1f / 9).add(1f / 7).mul(t2).add(1f / 5).mul(t2).add(1f / 3)
                .mul(t2).add(1f);
            FloatVector log2x = exponent.add(t.mul(series).mul((float) (2 / Math.log(2))));
            FloatVector z = log2x.mul(FloatVector.fromArray(F, p.data, RayPacket.SHININESS));
            // 2^z = 2^n 2^f with n = z truncated (z <= 0, so f in (-1, 0]); 2^f by Taylor to degree 6.
            IntVector n = (IntVector) z.convert(VectorOperators.F2I, 0);
            FloatVector g = z.sub((FloatVector) n.convert(VectorOperators.I2F, 0)).mul((float) Math.log(2));
            FloatVector twoToF = g.mul(1f / 720).add(1f / 120).mul(g).add(1f / 24).mul(g).add(1f / 6)
                .mul(g).add(0.5f).mul(g).add(1f).mul(g).add(1f);
            FloatVector twoToN = n.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
            twoToF.mul(twoToN).blend(0f, shiny.not()).intoArray(p.data, RayPacket.HIGHLIGHT);
        } else {
            FloatVector.zero(F).intoArray(p.data, RayPacket.HIGHLIGHT);
        }
        FloatVector specular = FloatVector.fromArray(F, p.data, RayPacket.HIGHLIGHT);
        FloatVector weight = FloatVector.fromArray(F, p.data, RayPacket.WEIGHT);
        FloatVector red = FloatVector.fromArray(F, p.data, RayPacket.RED);
        FloatVector green = FloatVector.fromArray(F, p.data, RayPacket.GREEN);
        FloatVector blue = FloatVector.fromArray(F, p.data, RayPacket.BLUE);
        red.blend(weight.fma(diffuse.fma(FloatVector.fromArray(F, p.data, RayPacket.MAT_RED), specular), red), on)
            .intoArray(p.data, RayPacket.RED);
        green.blend(weight.fma(diffuse.fma(FloatVector.fromArray(F, p.data, RayPacket.MAT_GREEN), specular), green), on)
            .intoArray(p.data, RayPacket.GREEN);
        blue.blend(weight.fma(diffuse.fma(FloatVector.fromArray(F, p.data, RayPacket.MAT_BLUE), specular), blue), on)
            .intoArray(p.data, RayPacket.BLUE);
    }

    /**
     * Turns each hit lane whose material reflects into its mirror ray (of c-ray's length 1000, leaving
     * the object it hit) and returns those lanes.
     */
    static long reflect(RayPacket p, long hits) {
        FloatVector reflectivity = FloatVector.fromArray(F, p.data, RayPacket.REFLECTIVITY);
        IntVector laneBit = IntVector.fromArray(I, LaneMasks.LANE_BIT, 0);
        VectorMask<Float> mirrors = reflectivity.compare(GT, 0f)
            .and(IntVector.broadcast(I, (int) hits).and(laneBit).compare(EQ, laneBit).cast(F));
        FloatVector weight = FloatVector.fromArray(F, p.data, RayPacket.WEIGHT);
        weight.blend(weight.mul(reflectivity), mirrors).intoArray(p.data, RayPacket.WEIGHT);
        FloatVector.fromArray(F, p.data, RayPacket.PX).intoArray(p.data, RayPacket.OX);
        FloatVector.fromArray(F, p.data, RayPacket.PY).intoArray(p.data, RayPacket.OY);
        FloatVector.fromArray(F, p.data, RayPacket.PZ).intoArray(p.data, RayPacket.OZ);
        FloatVector.fromArray(F, p.data, RayPacket.RX).mul(REFLECTED_RAY_LENGTH).intoArray(p.data, RayPacket.DX);
        FloatVector.fromArray(F, p.data, RayPacket.RY).mul(REFLECTED_RAY_LENGTH).intoArray(p.data, RayPacket.DY);
        FloatVector.fromArray(F, p.data, RayPacket.RZ).mul(REFLECTED_RAY_LENGTH).intoArray(p.data, RayPacket.DZ);
        // p.lanesOnObject, set by surface(), now says which object each mirror ray leaves.
        // R is a unit vector, so the mirror ray's length is 1000 to float rounding (~1e-7 relative).
        FloatVector.broadcast(F, 1f / REFLECTED_RAY_LENGTH).intoArray(p.data, RayPacket.INV_LENGTH);
        return mirrors.toLong();
    }
}
