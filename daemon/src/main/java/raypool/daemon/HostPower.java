package raypool.daemon;

/**
 * Powers hosts off and on through the pool (XAPI: host.disable and host.shutdown; host.power_on and
 * host.enable). Calls return once the pool accepted them; the daemon's rounds observe the outcome.
 */
public interface HostPower {
    /**
     * Disables the host (no VM may start on it) and shuts it down.
     *
     * @throws MigrationRefusedException the pool refused (its error code says why); the host is enabled again if it could be
     * @throws PoolUnavailableException  the pool did not answer
     */
    void powerOff(String host);

    /** Asks the pool to power the host on (its power_on_mode says how). */
    void powerOn(String host);

    /** Enables a host again (one this daemon disabled). */
    void enable(String host);

    /** For a pool that cannot power hosts at all: every call is refused. */
    HostPower NONE = new HostPower() {
        @Override
        public void powerOff(String host) {
            throw new MigrationRefusedException("NOT_SUPPORTED", "this pool adapter cannot power hosts");
        }

        @Override
        public void powerOn(String host) {
            throw new MigrationRefusedException("NOT_SUPPORTED", "this pool adapter cannot power hosts");
        }

        @Override
        public void enable(String host) {
            throw new MigrationRefusedException("NOT_SUPPORTED", "this pool adapter cannot enable hosts");
        }
    };
}
