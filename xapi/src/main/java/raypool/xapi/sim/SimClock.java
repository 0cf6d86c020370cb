package raypool.xapi.sim;

/**
 * Simulated time in epoch milliseconds. The HTTP pool runs on a {@link Scaled} clock; a trace-driven
 * simulator can instead supply its own clock and call {@link SimPool#advance()}.
 */
public interface SimClock {
    long nowMillis();

    /** Starts at the real time and runs {@code scale} times faster. */
    final class Scaled implements SimClock {
        private final long startReal = System.currentTimeMillis();
        private final long startNano = System.nanoTime();
        private final double scale;

        public Scaled(double scale) {
            this.scale = scale;
        }

        @Override
        public long nowMillis() {
            return startReal + (long) ((System.nanoTime() - startNano) / 1e6 * scale);
        }
    }

    /** Time that moves only when told to: for a simulator that steps the pool itself, and for tests. */
    final class Manual implements SimClock {
        private final java.util.concurrent.atomic.AtomicLong now;

        public Manual(long startMillis) {
            this.now = new java.util.concurrent.atomic.AtomicLong(startMillis);
        }

        public void advanceBy(java.time.Duration d) {
            now.addAndGet(d.toMillis());
        }

        @Override
        public long nowMillis() {
            return now.get();
        }
    }
}
