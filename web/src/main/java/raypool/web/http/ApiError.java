package raypool.web.http;

import java.util.Map;

/**
 * A refusal the client sees: an HTTP status, a stable code and one sentence. {@code details} carries the
 * XAPI error's code and parameters or the quota's figures. Never a stack trace, and never anything about
 * a VM the caller may not see.
 */
public final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final transient Map<String, Object> details;

    public ApiError(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ApiError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    public static ApiError notFound() {
        return new ApiError(404, "NOT_FOUND", "no such VM");
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "BAD_REQUEST", message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
