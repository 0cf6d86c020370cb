package raypool.cloud.ups;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * ups.status as NUT reports it: flags such as OL (on line power), OB (on battery), LB (low battery), FSD,
 * in upsd's order.
 */
public record UpsStatus(List<String> flags) {
    public UpsStatus {
        flags = List.copyOf(new LinkedHashSet<>(flags));
    }

    public static UpsStatus parse(String text) {
        return new UpsStatus(Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
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
        return String.join(" ", flags);
    }
}
