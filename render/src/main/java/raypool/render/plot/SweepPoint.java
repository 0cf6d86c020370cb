package raypool.render.plot;

/** One thread count of a sweep, as raybench's JSON {@code sweep} array holds it. */
public record SweepPoint(int threads, double fps, double speedup, double efficiency) {

    public SweepPoint {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }
}
