package raypool.daemon;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs a daemon's rounds every {@code interval} until {@code duration} passes or {@link #stop()} is
 * called. A stop request (SIGTERM) lets the round under way finish: it is only seen between rounds.
 * While the pool keeps failing, the wait between rounds doubles, up to {@value #MAX_BACKOFF} intervals,
 * and is back to one interval after the first round that works.
 */
public final class RoundLoop {
    static final int MAX_BACKOFF = 16;

    private final BalancerDaemon daemon;
    private final Duration interval;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    public RoundLoop(BalancerDaemon daemon, Duration interval) {
        this.daemon = daemon;
        this.interval = interval;
    }

    /** Asks {@link #run} to return after the round under way. Safe from any thread (a shutdown hook). */
    public void stop() {
        stopRequested.countDown();
    }

    /** Rounds until the duration passes (empty: until stopped); writes start and stop to the audit log. */
    public void run(Optional<Duration> duration) throws InterruptedException {
        long end = duration.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        daemon.started(duration);
        String why = "stopped";
        int failures = 0;
        while (true) {
            BalancerDaemon.RoundOutcome outcome = daemon.runRound();
            failures = outcome == BalancerDaemon.RoundOutcome.FAILED ? failures + 1 : 0;
            long wait = interval.toNanos() * Math.min(MAX_BACKOFF, 1L << Math.min(failures, 10));
            long left = end - System.nanoTime();
            if (left <= 0) {
                why = "duration reached";
                break;
            }
            if (stopRequested.await(Math.min(left, wait), TimeUnit.NANOSECONDS)) {
                break;
            }
            if (end - System.nanoTime() <= 0) {
                why = "duration reached";
                break;
            }
        }
        daemon.stopped(why);
    }
}
