package raypool.daemon;

/**
 * Starts live migrations and reports on them, without waiting: the daemon's rounds poll. Keys are the
 * ones {@link PoolReader} hands out; a task key names one migration in the pool (an XAPI task).
 */
public interface MigrationExecutor {

    /**
     * Starts moving {@code vm} to {@code host} and returns the task key.
     *
     * @throws MigrationRefusedException the pool refused (its error code says why); nothing started
     * @throws PoolUnavailableException  the pool did not answer; whether it started is unknown
     */
    String start(String vm, String host);

    /** Where a started migration is now. */
    TaskStatus poll(String task);

    /** Asks the pool to cancel a migration that overran its limit. */
    void cancel(String task);

    /** What became of a migration. */
    sealed interface TaskStatus permits Pending, Succeeded, Failed, Gone {
    }

    record Pending(double progress) implements TaskStatus {
    }

    record Succeeded() implements TaskStatus {
    }

    /** The pool's error code and parameters, e.g. HOST_OFFLINE. */
    record Failed(String code, String detail) implements TaskStatus {
    }

    /** The pool no longer knows the task (destroyed by someone, or the pool restarted). */
    record Gone() implements TaskStatus {
    }
}
