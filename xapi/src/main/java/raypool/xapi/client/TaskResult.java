package raypool.xapi.client;

/**
 * A successful asynchronous call: the task that ran it and its result, with XAPI's XML-RPC
 * {@code <value>} wrapper removed ("" for a void call such as VM.pool_migrate).
 */
public record TaskResult(Ref task, String result) {
}
