package raypool.xapi.sim;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What kind of guest a VM of the stand is, and what follows from it: its size (vCPUs, memory), how much
 * network and disk traffic it makes per unit of CPU, and how fast it dirties memory, which is what a
 * live migration has to copy again. The figures are the simulated pool's assumptions, chosen to be of
 * the right order for each kind of load (an idle box barely writes memory, a batch job rewrites a
 * quarter of its memory at full speed), not measurements; they are stated here once and used by the
 * stand, the workload and the migration model.
 */
enum GuestKind {
    //            net B/s  disk B/s  dirty B/s at 100 % CPU  writable working set (fraction of memory)
    IDLE(         2e4,     5e4,      2e6,                    0.01),
    WEB(          6e6,     5e5,      4e7,                    0.05),
    DATABASE(     1e6,     2.5e7,    1.5e8,                  0.10),
    BATCH(        3e5,     5e6,      3e8,                    0.25),
    /** A VM about which nothing is known but its CPU (a PlanetLab trace). */
    GUEST(        4e6,     2e6,      5e7,                    0.05);

    private final double networkBytesPerSecond;
    private final double diskBytesPerSecond;
    private final double dirtyBytesPerSecond;
    private final double writableWorkingSet;

    GuestKind(double networkBytesPerSecond, double diskBytesPerSecond, double dirtyBytesPerSecond,
              double writableWorkingSet) {
        this.networkBytesPerSecond = networkBytesPerSecond;
        this.diskBytesPerSecond = diskBytesPerSecond;
        this.dirtyBytesPerSecond = dirtyBytesPerSecond;
        this.writableWorkingSet = writableWorkingSet;
    }

    /** The kind named by {@link Workload#kind}; an unknown name is a {@link #GUEST}. */
    static GuestKind of(String name) {
        for (GuestKind k : values()) {
            if (k.label().equals(name)) {
                return k;
            }
        }
        return GUEST;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Network throughput (receive plus transmit) at CPU utilisation {@code cpu}: half of it even when idle. */
    double networkBytesPerSecond(double cpu) {
        return networkBytesPerSecond * (0.5 + cpu);
    }

    double diskBytesPerSecond(double cpu) {
        return diskBytesPerSecond * (0.5 + cpu);
    }

    /**
     * Bytes of memory written per second at CPU utilisation {@code cpu}. A tenth of the full rate goes on
     * when the guest is idle (its kernel's timers, page cache and logs).
     */
    double dirtyBytesPerSecond(double cpu) {
        return dirtyBytesPerSecond * (0.1 + 0.9 * Math.clamp(cpu, 0.0, 1.0));
    }

    /**
     * The part of the guest's memory it keeps rewriting: pages written again and again during one copy
     * round count once, so no round has more than this to copy again.
     */
    double writableWorkingSet() {
        return writableWorkingSet;
    }

    /** vCPUs of a new guest of this kind, drawn from {@code r}. */
    int vcpus(SplittableRandom r) {
        return switch (this) {
            case IDLE -> 1 + r.nextInt(2);
            case WEB -> 2 << r.nextInt(2);
            case DATABASE -> 4 << r.nextInt(2);
            case BATCH -> 8 << r.nextInt(2);
            case GUEST -> 1 << r.nextInt(3);
        };
    }

    /** Memory of a new guest of this kind in bytes, drawn from {@code r} (after {@link #vcpus}). */
    long memoryBytes(SplittableRandom r) {
        long gib = switch (this) {
            case IDLE -> 2L + r.nextInt(3);
            case WEB -> 4L + 2 * r.nextInt(3);
            case DATABASE -> 8L + 4 * r.nextInt(3);
            case BATCH -> 4L + 4 * r.nextInt(3);
            case GUEST -> 2L << r.nextInt(3);
        };
        return gib * SimConfig.GIB;
    }
}
