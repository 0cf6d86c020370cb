package raypool.xapi.sim;

import java.util.SplittableRandom;
import java.util.UUID;

/** UUIDs and OpaqueRefs from a seeded generator, so a stand built twice with one seed is the same. */
final class SimIds {
    private final SplittableRandom random;

    SimIds(long seed) {
        this.random = new SplittableRandom(seed);
    }

    synchronized String uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    String ref() {
        return "OpaqueRef:" + uuid();
    }
}
