package raypool.xapi.sim;

/**
 * The control domain's (dom0's) own CPU, in threads: xapi and its daemons, and the work it does for the
 * guests, since every guest packet (netback), disk request (blkback, tapdisk) and migrated page passes
 * through it. The rates are the simulated pool's assumptions, of the order a Xen host shows (a 10 GbE
 * stream of guest traffic keeps about one dom0 core busy), not measurements.
 */
final class ControlDomainLoad {
    /** xapi, xenopsd, rrdd, squeezed and the rest, idle. */
    static final double BASE_THREADS = 0.25;
    /** netback: a thread per 1.25 GB/s (10 Gbit/s) of guest network traffic. */
    static final double THREADS_PER_NETWORK_BYTE = 1 / 1.25e9;
    /** blkback and tapdisk: a thread per 1 GB/s of guest disk traffic. */
    static final double THREADS_PER_DISK_BYTE = 1 / 1e9;
    /** Mapping and sending (or receiving and writing) guest memory: 1.5 threads per 1 GB/s, at each end. */
    static final double THREADS_PER_MIGRATION_BYTE = 1.5 / 1e9;

    private ControlDomainLoad() {
    }

    /** Threads busy in dom0 for the given traffic through it, at most all of its vCPUs. */
    static double threads(double networkBytesPerSecond, double diskBytesPerSecond, double migrationBytesPerSecond,
                          int dom0Vcpus) {
        double busy = BASE_THREADS + networkBytesPerSecond * THREADS_PER_NETWORK_BYTE
                + diskBytesPerSecond * THREADS_PER_DISK_BYTE + migrationBytesPerSecond * THREADS_PER_MIGRATION_BYTE;
        return Math.min(dom0Vcpus, busy);
    }
}
