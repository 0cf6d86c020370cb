package raypool.daemon.audit;

import java.time.Instant;

/** The fields every audit event starts with: wall-clock time, the pool's time, the round. */
public record Stamp(Instant time, Instant poolTime, long round) {
    public static Stamp now(long poolTimeMillis, long round) {
        return new Stamp(Instant.now(), Instant.ofEpochMilli(poolTimeMillis), round);
    }
}
