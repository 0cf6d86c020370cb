package raypool.engine.kernel;

/**
 * Work counted by a kernel, on the basis published ray-tracer figures use for Mrays/s: rays = primary +
 * reflection + shadow rays (one shadow ray per light per shaded hit). One instance per worker thread, so counting
 * needs no atomics; the scheduler sums them after each frame.
 */
public final class RayCounts {

    public long primary;
    public long reflection;
    public long shadow;
    /** Ray-object intersection tests, for GFLOP/s estimates. */
    public long intersectionTests;
    public long shadedHits;

    public long rays() {
        return primary + reflection + shadow;
    }

    public void clear() {
        primary = reflection = shadow = intersectionTests = shadedHits = 0;
    }

    public void add(RayCounts other) {
        primary += other.primary;
        reflection += other.reflection;
        shadow += other.shadow;
        intersectionTests += other.intersectionTests;
        shadedHits += other.shadedHits;
    }
}
