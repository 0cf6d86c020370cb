package raypool.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;

/**
 * The two ways back from a lane set kept as a long, for {@link JdkMaskRoundTripTest}; a class of their
 * own because JUnit reads a test class's methods in the build's JVM, which has no Vector API module.
 */
final class MaskRoundTrips {

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = F.withLanes(int.class);
    static final int MARK = 7;

    /** Lanes whose input is >= 0 get MARK, through the JDK's long round trip. */
    static void fromLong(float[] in, int[] out) {
        for (int x = 0; x < in.length; x += F.length()) {
            long bits = FloatVector.fromArray(F, in, x).compare(GE, 0f).toLong();
            IntVector.broadcast(I, MARK).intoArray(out, x, VectorMask.fromLong(I, bits));
        }
    }

    /** The same through the kernel's lane test. */
    static void laneTest(float[] in, int[] out) {
        IntVector laneBit = IntVector.fromArray(I, LaneMasks.LANE_BIT, 0);
        for (int x = 0; x < in.length; x += F.length()) {
            long bits = FloatVector.fromArray(F, in, x).compare(GE, 0f).toLong();
            IntVector.broadcast(I, MARK).intoArray(out, x,
                IntVector.broadcast(I, (int) bits).and(laneBit).compare(EQ, laneBit));
        }
    }

    private MaskRoundTrips() {
    }
}
