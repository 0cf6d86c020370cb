package raypool.cloud.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One XAPI call of a {@link Plan}, with why it is made.
 *
 * @param target the object the call changes, by name (what a person looks for in the audit log)
 */
public record Step(String method, List<Arg> args, String target, String reason) {
    public Step {
        args = List.copyOf(args);
    }

    public static Step of(String method, String target, String reason, Arg... args) {
        return new Step(method, List.of(args), target, reason);
    }

    /** {@code host.apply_edition(host-1, "free")}. */
    public String call() {
        return method + "(" + args.stream().map(Arg::shown).collect(Collectors.joining(", ")) + ")";
    }
}
