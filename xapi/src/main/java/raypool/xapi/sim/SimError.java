package raypool.xapi.sim;

import java.util.List;

/** An XAPI error the simulated pool answers with: code and parameters, as XAPI would send them. */
@SuppressWarnings("serial") // never serialised: errors are handled in-process
final class SimError extends RuntimeException {
    private final String code;
    private final List<String> params;

    SimError(String code, String... params) {
        super(code + " " + List.of(params));
        this.code = code;
        this.params = List.of(params);
    }

    SimError(String code, List<String> params) {
        super(code + " " + params);
        this.code = code;
        this.params = List.copyOf(params);
    }

    String code() {
        return code;
    }

    List<String> params() {
        return params;
    }

    /** As stored in a task's error_info: the code followed by its parameters. */
    List<String> errorInfo() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(code), params.stream()).toList();
    }
}
