package raypool.engine.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * How the packet kernel turns its lane sets, kept as {@code long} bit masks (bit i = lane i), back into
 * vector masks: not with {@code VectorMask.fromLong} but by a lane test, written out where it is needed,
 *
 * <pre>IntVector.broadcast(I, (int) bits).and(laneBit).compare(EQ, laneBit)</pre>
 *
 * with {@code laneBit} = {@link #LANE_BIT} loaded once per method (lane i holds 1 &lt;&lt; i).
 *
 * <p><b>Why.</b> JDK 25's C2 miscompiles {@code VectorMask.fromLong(s, m.toLong())}, a mask turned into a
 * long and back, on x86 without AVX-512 (UseAVX 1 and 2; found on JDK 25.0.3): the mask comes out all
 * false. It simplifies the pair into a narrowing cast of the mask's -1/0 lanes to bytes, but the node that
 * widens bytes back into a mask expects 0/1 booleans and negates them, so every lane becomes +1, which
 * blends, masked stores and tests read as false by its sign bit (the machine code: {@code vpackssdw,
 * vpermq, vpacksswb}, then {@code vpsubb} from zero and {@code vpmovsxbd}). The kernel makes that round
 * trip on every packet (lane sets go from compares to longs and back), so on AVX2 hosts it wrote no pixel
 * once C2 had compiled it and frames kept what an earlier frame had left in the buffer. With AVX-512
 * masks live in k registers and the pair compiles right. {@code JdkMaskRoundTripTest} keeps the
 * reproducer and {@code results/jdk-mask-round-trip.md} the write-up.
 *
 * <p>The lane test never forms the pair. It costs three vector instructions (a broadcast from a general
 * register, an AND and a compare, the constant in a register) on every ISA; {@code fromLong} is one
 * {@code kmov} with AVX-512 and a {@code pdep}, moves and a sign extension per eight lanes on AVX2.
 * Measured on five (results/jdk-mask-round-trip.md): no difference beyond noise on AVX-512, so one form
 * for every ISA.
 *
 * <p>Why written out and not a helper method: Vector API methods are force-inlined, a helper of ours is
 * not. In the kernel's large methods C2 hits its node-count cutoff and leaves such a helper as a call,
 * which boxes every vector through it (measured: 80 collections per 200 frames, three times the frame
 * time).
 */
final class LaneMasks {

    static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Integer> I = F.withLanes(int.class);
    /** Lane i holds 1 &lt;&lt; i; float vectors have at most 16 lanes, so an int has room. */
    static final int[] LANE_BIT = laneBits(I.length());

    private LaneMasks() {
    }

    private static int[] laneBits(int lanes) {
        if (lanes > Integer.SIZE) {
            throw new IllegalStateException(lanes + " float lanes do not fit an int lane mask");
        }
        int[] bits = new int[lanes];
        for (int i = 0; i < lanes; i++) {
            bits[i] = 1 << i;
        }
        return bits;
    }
}
