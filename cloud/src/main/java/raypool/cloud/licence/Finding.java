package raypool.cloud.licence;

/**
 * One thing {@code licence audit} found, under a stable code scripts can match on.
 *
 * @param subject the host or VM it is about, or the pool's name
 */
public record Finding(Code code, String subject, String message) {

    /** Stable codes: never renamed, only added to. */
    public enum Code {
        /** A host's licence has run out: no VM starts on it. */
        LICENCE_EXPIRED,
        /** A host's licence runs out within the warning window. */
        LICENCE_EXPIRES_SOON,
        /** The hosts do not all run the same edition. */
        LICENCE_EDITIONS_MIXED,
        /** The licence server is a VM of this very pool: after a pool-wide shutdown with expired licences, nothing starts it. */
        LICENCE_SERVER_IN_POOL,
        /** The licence server's VM is not running: paid editions cannot be checked out. */
        LICENCE_SERVER_DOWN
    }
}
