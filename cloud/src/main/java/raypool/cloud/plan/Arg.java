package raypool.cloud.plan;

import java.util.Map;
import raypool.xapi.client.Ref;

/**
 * One argument of a XAPI call in a plan: the value sent, and how a person sees it (an object's name
 * instead of its ref, "***" for a password).
 */
public sealed interface Arg permits Arg.Value, Arg.ResultOf {
    String shown();

    /** A value known when the plan is made. */
    record Value(Object value, String shown) implements Arg {
    }

    /** What an earlier step of the same plan returns (the ref network.create answers, say). */
    record ResultOf(int step, String shown) implements Arg {
    }

    static Arg ref(Ref ref, String name) {
        return new Value(ref, name);
    }

    static Arg text(String s) {
        return new Value(s, "\"" + s + "\"");
    }

    static Arg bool(boolean b) {
        return new Value(b, Boolean.toString(b));
    }

    /** Sent as given, shown as {@code ***}. */
    static Arg secret(String s) {
        return new Value(s, "***");
    }

    static Arg map(Map<String, ?> m) {
        return new Value(m, m.toString());
    }

    /** A map some of whose values are secrets: sent as given, shown with those values as {@code ***}. */
    static Arg map(Map<String, ?> m, String shown) {
        return new Value(m, shown);
    }
}
