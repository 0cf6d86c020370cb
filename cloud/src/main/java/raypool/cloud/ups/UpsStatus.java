package raypool.cloud.ups;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** ups.status as NUT reports it: flags such as OL (on line power), OB (on battery), LB (low battery), FSD. */
public record UpsStatus(Set<String> flags) {
    public UpsStatus {
        flags = Set.copyOf(flags);
    }

    public static UpsStatus parse(String text) {
        return new UpsStatus(new TreeSet<>(Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList()));
    }

    public boolean online() {
        return flags.contains("OL");
    }

    public boolean onBattery() {
        return flags.contains("OB");
    }

    public boolean lowBattery() {
        return flags.contains("LB");
    }

    /** Forced shutdown: the primary upsmon (or an operator) asked every system to go down now. */
    public boolean forcedShutdown() {
        return flags.contains("FSD");
    }

    @Override
    public String toString() {
        return String.join(" ", new TreeSet<>(flags));
    }
}
