package raypool.cloud.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a decider wants done: the XAPI calls in order, each with its reason, and notes on what it found
 * already as wanted. An empty plan means the pool is already as asked (a second run says so).
 */
public record Plan(List<Step> steps, List<String> notes) {
    public Plan {
        steps = List.copyOf(steps);
        notes = List.copyOf(notes);
    }

    public static Plan nothing(String note) {
        return new Plan(List.of(), List.of(note));
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Builds a plan step by step; {@link #add} returns the index later steps use with {@link Arg.ResultOf}. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        public int add(Step step) {
            steps.add(step);
            return steps.size() - 1;
        }

        public Builder note(String note) {
            notes.add(note);
            return this;
        }

        public Plan build() {
            return new Plan(steps, notes);
        }
    }

    public static Builder builder() {
        return new Builder();
    }
}
