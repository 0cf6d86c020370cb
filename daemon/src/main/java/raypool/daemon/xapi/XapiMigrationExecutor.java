package raypool.daemon.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import raypool.daemon.MigrationExecutor;
import raypool.daemon.MigrationRefusedException;
import raypool.daemon.PoolUnavailableException;
import raypool.xapi.client.Ref;
import raypool.xapi.client.Wire;
import raypool.xapi.client.XapiClient;
import raypool.xapi.client.XapiError;
import raypool.xapi.client.XapiTransportException;

/**
 * Live migration through XAPI without blocking: {@code Async.VM.pool_migrate(vm, host, {live: true})}
 * returns a task, which the daemon's rounds poll with {@code task.get_record}. A finished task is
 * destroyed as soon as its outcome is read (xapi keeps finished tasks until destroyed).
 */
public final class XapiMigrationExecutor implements MigrationExecutor {
    private final XapiClient client;

    public XapiMigrationExecutor(XapiClient client) {
        this.client = client;
    }

    @Override
    public String start(String vm, String host) {
        try {
            return client.call("Async.VM.pool_migrate", new Ref(vm), new Ref(host), Map.of("live", "true")).asText();
        } catch (XapiError e) {
            throw new MigrationRefusedException(e.code(), e.getMessage());
        } catch (XapiTransportException e) {
            throw new PoolUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public TaskStatus poll(String task) {
        JsonNode record;
        try {
            record = client.call("task.get_record", new Ref(task));
        } catch (XapiError e) {
            if (e.code().equals("HANDLE_INVALID")) {
                return new Gone();
            }
            throw new PoolUnavailableException(e.getMessage(), e);
        } catch (XapiTransportException e) {
            throw new PoolUnavailableException(e.getMessage(), e);
        }
        String status = Wire.string(record, "status");
        TaskStatus outcome = switch (status) {
            case "success" -> new Succeeded();
            case "failure", "cancelled" -> {
                List<String> info = Wire.strings(record, "error_info");
                String code = info.isEmpty() ? (status.equals("cancelled") ? "TASK_CANCELLED" : "INTERNAL_ERROR")
                        : info.getFirst();
                yield new Failed(code, info.size() > 1 ? String.join(" ", info.subList(1, info.size())) : status);
            }
            default -> new Pending(Wire.float64(record, "progress"));
        };
        if (!(outcome instanceof Pending)) {
            try {
                client.call("task.destroy", new Ref(task));
            } catch (RuntimeException e) {
                // the outcome is known; a task left behind is xapi's to garbage-collect
            }
        }
        return outcome;
    }

    @Override
    public void cancel(String task) {
        try {
            client.call("task.cancel", new Ref(task));
        } catch (XapiError | XapiTransportException e) {
            throw new PoolUnavailableException(e.getMessage(), e);
        }
    }
}
