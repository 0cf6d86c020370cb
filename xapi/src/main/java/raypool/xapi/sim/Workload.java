package raypool.xapi.sim;

/**
 * What a VM does over time. The simulated pool asks only for utilisations at a given time, so a
 * trace-driven workload (PlanetLab, or a simulator that owns the load) can replace the synthetic one.
 */
public interface Workload {
    /** vCPU utilisation in 0..1 of VM number {@code vm} at {@code epochMillis}. */
    double cpu(int vm, long epochMillis);

    /** Network throughput in bytes/s (receive plus transmit). */
    double networkBytesPerSecond(int vm, long epochMillis);

    /** Disk throughput in bytes/s (read plus write). */
    double diskBytesPerSecond(int vm, long epochMillis);

    /** What kind of guest VM number {@code vm} is ("web", "database", ...), which sizes it in the stand. */
    default String kind(int vm) {
        return "guest";
    }

    /**
     * Bytes of memory the VM writes per second, which a live migration must copy again: by default its
     * kind's rate at its current CPU, so a wrapper that passes {@link #kind} and {@link #cpu} through
     * gets it right without overriding this.
     */
    default double memoryDirtyBytesPerSecond(int vm, long epochMillis) {
        return GuestKind.of(kind(vm)).dirtyBytesPerSecond(cpu(vm, epochMillis));
    }
}
