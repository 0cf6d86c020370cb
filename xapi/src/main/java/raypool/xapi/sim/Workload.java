package raypool.xapi.sim;

/**
 * What a VM does over time. The simulated pool asks only for utilisations at a given time, so a
 * trace-driven workload (PlanetLab, or the balancer's simulator) can replace the synthetic one.
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
}
