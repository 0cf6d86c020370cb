package raypool.xapi.sim;

/**
 * The physics of one live migration, pre-copy as Xen's toolstack does it (libxc's migration stream,
 * tools/libxc/xc_sr_save.c): copy all of the guest's memory while it runs; copy again what it wrote
 * meanwhile, round after round, each round shorter when the guest writes slower than the network
 * carries; after at most {@value #MAX_ROUNDS} rounds, or as soon as fewer than {@value #DIRTY_THRESHOLD_PAGES}
 * pages are dirty, pause the guest and copy the rest (stop-and-copy), then hand over the device state and
 * resume it on the target ({@value #SWITCHOVER_MILLIS} ms). The guest is down during stop-and-copy and
 * switchover only.
 *
 * <p>What the rounds copy: a round of {@code V} bytes at {@code B} bytes/s lasts {@code V/B}, during which
 * the guest dirties {@code D x V/B} bytes, but never more than its writable working set {@code W} (pages
 * rewritten within a round count once). So the rounds shrink geometrically by {@code D/B} while
 * {@code D < B}, and a guest that writes faster than the link never converges: every round copies
 * {@code W} again and the pause copies {@code W}. {@code B} and {@code D} may change between calls to
 * {@link #advance} (other migrations start or end on the same link; the guest's load changes), so the
 * state is integrated step by step rather than solved once.
 *
 * <p>Not modelled: compression, the CPU the copy costs the hosts (the control domain's RRD shows it, see
 * {@link RrdRenderer}), and memory ballooning. Mutable; guarded by the pool's lock.
 */
final class PreCopy {
    static final long PAGE_BYTES = 4096;
    /** xc_sr_save.c: {@code max_iterations = 5}, the first round (all memory) included. */
    static final int MAX_ROUNDS = 5;
    /** xc_sr_save.c: {@code dirty_threshold = 50} pages; fewer left dirty and the guest is paused. */
    static final int DIRTY_THRESHOLD_PAGES = 50;
    static final long SWITCHOVER_MILLIS = 300;
    /**
     * TCP payload per byte on an Ethernet link at MTU 1500: 1448 bytes of data (1500 less IP and TCP
     * headers with timestamps) per 1538 bytes on the wire (with Ethernet header, FCS, preamble and gap).
     */
    static final double TCP_PAYLOAD_EFFICIENCY = 1448.0 / 1538.0;

    enum Phase { PRE_COPY, STOP_AND_COPY, SWITCHOVER, DONE }

    private final double memoryBytes;
    private final double workingSetBytes;
    private Phase phase = Phase.PRE_COPY;
    private int round;
    private int roundsStarted = 1;
    private double roundLeft;
    private double dirty;
    private double sent;
    private double elapsed;
    private double downtime;
    private double switchoverLeft = SWITCHOVER_MILLIS / 1000.0;

    /**
     * @param memoryBytes         the guest's memory, all of which the first round copies
     * @param workingSetFraction  the part of it the guest keeps rewriting ({@link GuestKind#writableWorkingSet()})
     */
    PreCopy(long memoryBytes, double workingSetFraction) {
        this.memoryBytes = memoryBytes;
        this.workingSetBytes = memoryBytes * workingSetFraction;
        this.roundLeft = memoryBytes;
    }

    /** Bytes/s a migration gets from a link of {@code nicMbps} Mbit/s it has to itself. */
    static double linkBytesPerSecond(double nicMbps) {
        return nicMbps * 1e6 / 8 * TCP_PAYLOAD_EFFICIENCY;
    }

    /**
     * Moves the copy on by up to {@code seconds} at {@code bytesPerSecond}, the guest writing
     * {@code dirtyBytesPerSecond} while it runs. With {@code stopAtHalf}, stops when half of the guest's
     * memory has been copied in the first round (where the pool's "halfway" faults strike).
     *
     * @return the seconds used: less than asked when the migration ended (or reached halfway) sooner
     */
    double advance(double seconds, double bytesPerSecond, double dirtyBytesPerSecond, boolean stopAtHalf) {
        double left = seconds;
        while (left > 0 && phase != Phase.DONE) {
            double used;
            switch (phase) {
                case PRE_COPY -> {
                    double bytes = roundLeft;
                    if (stopAtHalf && round == 0 && sent < memoryBytes / 2) {
                        bytes = Math.min(bytes, memoryBytes / 2 - sent);
                    }
                    used = Math.min(left, bytes / bytesPerSecond);
                    roundLeft -= used * bytesPerSecond;
                    sent += used * bytesPerSecond;
                    dirty = Math.min(workingSetBytes, dirty + dirtyBytesPerSecond * used);
                    if (roundLeft <= 1e-6) {
                        endRound();
                    } else if (stopAtHalf && round == 0 && sent >= memoryBytes / 2 - 1e-6) {
                        elapsed += used;
                        return seconds - left + used;
                    }
                }
                case STOP_AND_COPY -> {
                    used = Math.min(left, roundLeft / bytesPerSecond);
                    roundLeft -= used * bytesPerSecond;
                    sent += used * bytesPerSecond;
                    downtime += used;
                    if (roundLeft <= 1e-6) {
                        phase = Phase.SWITCHOVER;
                    }
                }
                case SWITCHOVER -> {
                    used = Math.min(left, switchoverLeft);
                    switchoverLeft -= used;
                    downtime += used;
                    if (switchoverLeft <= 1e-9) {
                        phase = Phase.DONE;
                    }
                }
                default -> used = left;
            }
            left -= used;
            elapsed += used;
        }
        return seconds - left;
    }

    private void endRound() {
        round++;
        roundLeft = dirty;
        dirty = 0;
        if (roundLeft < DIRTY_THRESHOLD_PAGES * PAGE_BYTES || round >= MAX_ROUNDS) {
            phase = Phase.STOP_AND_COPY; // the guest is paused: nothing more is dirtied
            if (roundLeft <= 1e-6) {
                phase = Phase.SWITCHOVER;
            }
        } else {
            roundsStarted++;
        }
    }

    Phase phase() {
        return phase;
    }

    /** True while bytes are crossing the migration network (pre-copy rounds and stop-and-copy). */
    boolean copying() {
        return phase == Phase.PRE_COPY || phase == Phase.STOP_AND_COPY;
    }

    boolean done() {
        return phase == Phase.DONE;
    }

    /** Pre-copy rounds started so far (1 while the first round copies all memory). */
    int rounds() {
        return roundsStarted;
    }

    double bytesSent() {
        return sent;
    }

    double secondsElapsed() {
        return elapsed;
    }

    /** Seconds the guest has been paused: stop-and-copy plus switchover. */
    double downtimeSeconds() {
        return downtime;
    }

    /** True once the first round has copied half of the guest's memory. */
    boolean pastHalfway() {
        return round > 0 || sent >= memoryBytes / 2 - 1e-6;
    }

    /**
     * A task's progress: the first round is 90 % of it (it is most of the bytes), later rounds and the
     * pause share the rest; below 1 until the task itself reports success.
     */
    double progress() {
        return switch (phase) {
            case PRE_COPY -> round == 0 ? 0.9 * sent / memoryBytes : 0.9 + 0.08 * round / MAX_ROUNDS;
            case STOP_AND_COPY -> 0.98;
            case SWITCHOVER, DONE -> 0.99;
        };
    }

    /** The whole migration at constant rates: what {@link #advance} integrates, in one call. */
    record Estimate(double seconds, int rounds, double bytesSent, double downtimeSeconds) {
    }

    static Estimate estimate(long memoryBytes, double workingSetFraction, double bytesPerSecond,
                             double dirtyBytesPerSecond) {
        PreCopy copy = new PreCopy(memoryBytes, workingSetFraction);
        while (!copy.done()) {
            copy.advance(3600, bytesPerSecond, dirtyBytesPerSecond, false);
        }
        return new Estimate(copy.secondsElapsed(), copy.rounds(), copy.bytesSent(), copy.downtimeSeconds());
    }
}
