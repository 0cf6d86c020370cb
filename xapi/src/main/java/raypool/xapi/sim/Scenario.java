package raypool.xapi.sim;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The situations a simulated pool can start in, named on the command line ({@code --scenario NAME}):
 * the default stand, and the operations problems the original private cloud ran into.
 */
public enum Scenario {
    DEFAULT("the default stand: 4 hosts, 40 guests, a licence server VM, licences valid");

    private final String description;

    Scenario(String description) {
        this.description = description;
    }

    /** The name on the command line: lower case, words joined by '-'. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String description() {
        return description;
    }

    public static Optional<Scenario> byLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label().equals(label)).findFirst();
    }

    /** "default, licence-trap, ...": for the message that rejects an unknown name. */
    public static String labels() {
        return Arrays.stream(values()).map(Scenario::label).collect(Collectors.joining(", "));
    }

    /** A pool in this situation, with {@code user} as its pool-admin. */
    public SimPool build(String user, String password, double timeScale) {
        SimConfig config = SimConfig.defaultStand(user, password).withTimeScale(timeScale);
        return SimPool.create(config);
    }
}
