package raypool.xapi.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;

/**
 * {@code Async.*} calls: start the call, poll its task until it leaves "pending", cancel it when it
 * overruns its limit, and destroy it in every case (XAPI keeps finished tasks until destroyed).
 */
public final class AsyncCalls {
    private static final System.Logger LOG = System.getLogger(AsyncCalls.class.getName());

    private final XapiClient client;
    private final Sleeper sleeper;

    /** Waits between polls; replaceable so that tests need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public AsyncCalls(XapiClient client) {
        this(client, d -> Thread.sleep(d));
    }

    public AsyncCalls(XapiClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    /**
     * Runs {@code Async.<method>(session, args...)} and waits for it.
     *
     * @throws XapiError            the task failed; its error_info becomes the typed error
     * @throws TaskTimeoutException the task was still running after {@code limit} and was cancelled
     */
    public TaskResult run(String method, Duration limit, DoubleConsumer progress, Object... args) {
        Ref task = new Ref(client.call("Async." + method, args).asText());
        try {
            return await(method, task, limit, progress);
        } finally {
            destroy(method, task);
        }
    }

    public TaskResult run(String method, Duration limit, Object... args) {
        return run(method, limit, p -> { }, args);
    }

    private TaskResult await(String method, Ref task, Duration limit, DoubleConsumer progress) {
        long deadline = System.nanoTime() + limit.toNanos();
        String status = "pending";
        while (true) {
            JsonNode record = client.call("task.get_record", task);
            status = Wire.string(record, "status");
            progress.accept(Wire.float64(record, "progress"));
            switch (status) {
                case "success" -> {
                    return new TaskResult(task, Wire.taskResultText(Wire.string(record, "result")));
                }
                case "failure", "cancelled" -> throw failureOf(method, status, Wire.strings(record, "error_info"));
                default -> { }
            }
            if (System.nanoTime() >= deadline) {
                cancel(method, task);
                throw new TaskTimeoutException(method, task, limit, status);
            }
            try {
                sleeper.sleep(client.settings().taskPoll());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel(method, task);
                throw new TaskTimeoutException(method, task, limit, status + " (interrupted)");
            }
        }
    }

    private static XapiError failureOf(String method, String status, List<String> errorInfo) {
        if (errorInfo.isEmpty()) {
            return XapiError.of(status.equals("cancelled") ? "TASK_CANCELLED" : "INTERNAL_ERROR", List.of(),
                    "Async." + method);
        }
        return XapiError.of(errorInfo.getFirst(), new ArrayList<>(errorInfo.subList(1, errorInfo.size())),
                "Async." + method);
    }

    private void cancel(String method, Ref task) {
        try {
            client.call("task.cancel", task);
        } catch (RuntimeException e) {
            // a task may refuse cancelling (OPERATION_NOT_ALLOWED) or have just finished; destroy still runs
            LOG.log(Level.WARNING, "task.cancel " + task + " for " + method + " failed: " + e.getMessage());
        }
    }

    private void destroy(String method, Ref task) {
        try {
            client.call("task.destroy", task);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "task.destroy " + task + " for " + method + " failed: " + e.getMessage());
        }
    }
}
