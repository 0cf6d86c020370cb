package raypool.xapi.client;

import java.time.Duration;

/** An asynchronous task did not finish within its time limit; it has been cancelled and destroyed. */
@SuppressWarnings("serial") // never serialised: errors are handled in-process
public final class TaskTimeoutException extends RuntimeException {
    private final Ref task;

    public TaskTimeoutException(String method, Ref task, Duration limit, String lastStatus) {
        super(method + ": task " + task + " still " + lastStatus + " after " + limit + "; cancelled");
        this.task = task;
    }

    public Ref task() {
        return task;
    }
}
