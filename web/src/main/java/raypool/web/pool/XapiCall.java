package raypool.web.pool;

import java.util.List;

/** One XAPI call to make, with its arguments after the session: what the planners decide and the gateway runs. */
public record XapiCall(String method, List<Object> args) {
    public XapiCall {
        args = List.copyOf(args);
    }

    public static XapiCall of(String method, Object... args) {
        return new XapiCall(method, List.of(args));
    }
}
