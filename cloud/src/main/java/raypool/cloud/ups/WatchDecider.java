package raypool.cloud.ups;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What {@code ups watch} does on each reading of the UPS (pure): the state it is in, and the status just
 * read, give the next state. Shut down on LB or FSD at once, or after {@code grace} on battery; mains
 * returning (OL) while on battery disarm it.
 */
public final class WatchDecider {
    /** Watching: on mains, or on battery since {@code since}. */
    public record State(Optional<Instant> onBatterySince) {
        public static final State ON_MAINS = new State(Optional.empty());
    }

    /** What to do now. */
    public enum Action { KEEP_WATCHING, ARMED, CANCELLED, SHUT_DOWN }

    public record Decision(Action action, State next, String why) {
    }

    private WatchDecider() {
    }

    public static Decision decide(State state, UpsStatus status, Instant now, Duration grace) {
        if (status.forcedShutdown() || status.lowBattery()) {
            return new Decision(Action.SHUT_DOWN, state, (status.forcedShutdown() ? "FSD: forced shutdown" : "LB: battery low")
                    + " (" + status + ")");
        }
        if (status.onBattery()) {
            if (state.onBatterySince().isEmpty()) {
                return new Decision(Action.ARMED, new State(Optional.of(now)), "on battery (" + status + "); shutting down in "
                        + grace.toSeconds() + " s unless mains return or the battery runs low");
            }
            Duration on = Duration.between(state.onBatterySince().get(), now);
            if (on.compareTo(grace) >= 0) {
                return new Decision(Action.SHUT_DOWN, state, "on battery for " + on.toSeconds() + " s, past the grace of "
                        + grace.toSeconds() + " s");
            }
            return new Decision(Action.KEEP_WATCHING, state, "on battery for " + on.toSeconds() + " s");
        }
        if (state.onBatterySince().isPresent()) {
            return new Decision(Action.CANCELLED, State.ON_MAINS, "mains returned (" + status + "): shutdown cancelled");
        }
        return new Decision(Action.KEEP_WATCHING, state, "on mains (" + status + ")");
    }
}
