package raypool.daemon;

/**
 * Where the daemon's lease is written: one key of the pool's other_config. Adding a key refuses one
 * that is there (XAPI's MAP_DUPLICATE_KEY), which makes {@link #create} a test-and-set; replacing is a
 * remove and an add, so a daemon that replaces another's expired lease confirms it on the next read
 * before it acts.
 */
public interface LeaseStore {
    /** Adds {@code key} = {@code value} if the key is not there; false when it is (someone else was first). */
    boolean create(String key, String value);

    /** Sets {@code key} to {@code value}, replacing what is there. */
    void put(String key, String value);

    /** Removes {@code key} if it is there. */
    void remove(String key);

    /** Whether there is a lease at all: a pool kept in memory (a test, a benchmark) has no other daemon. */
    default boolean exists() {
        return true;
    }

    /** No lease: for a pool in memory, which no other daemon can reach. */
    LeaseStore NONE = new LeaseStore() {
        @Override
        public boolean exists() {
            return false;
        }

        @Override
        public boolean create(String key, String value) {
            return true;
        }

        @Override
        public void put(String key, String value) {
        }

        @Override
        public void remove(String key) {
        }
    };
}
