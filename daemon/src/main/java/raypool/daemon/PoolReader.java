package raypool.daemon;

/** Reads a pool's hosts, VMs and their load: the simulated pool or XAPI, behind one port. */
@FunctionalInterface
public interface PoolReader {
    /** @throws PoolUnavailableException when the pool could not be read this time (the daemon tries again next round) */
    PoolState read();
}
