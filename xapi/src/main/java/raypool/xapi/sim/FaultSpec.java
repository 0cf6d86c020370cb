package raypool.xapi.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Faults on demand, as a command line gives them: a comma-separated list of {@code KIND[:ARG]@WHEN},
 * WHEN being {@code Ns} (once, N seconds after the pool's server started, wall-clock time) or
 * {@code p=F} (on each call it applies to, with probability F), for example
 * {@code session-invalid@20s,http500@p=0.05,slow:1500@p=0.1,events-lost@40s,task-fail@p=0.2,host-offline:host-3@50s}.
 * Kinds:
 *
 * <ul>
 *   <li>{@code session-invalid}: every session ends (the next call of each client answers SESSION_INVALID);
 *       with {@code p=F}, before each call that has a session;
 *   <li>{@code http500}: a request gets HTTP 500 with an HTML body (XML-RPC and JSON-RPC);
 *   <li>{@code slow:MS}: a reply waits MS milliseconds (real time) before it is sent;
 *   <li>{@code events-lost}: an event.from with a token answers EVENTS_LOST;
 *   <li>{@code task-fail[:CODE]}: a migration task fails (with CODE, default VM_MIGRATE_FAILED); at
 *       {@code Ns} the migration then in flight fails at once, or the next one halfway; with {@code p=F},
 *       each migration started fails halfway with probability F;
 *   <li>{@code host-offline:HOST}: the host named HOST (host-3) goes offline: host_metrics.live false,
 *       disabled, every migration to or from it failing with HOST_OFFLINE; with {@code p=F}, each
 *       migration to it sees it go offline halfway. It stays down until powered on (host.power_on) or
 *       {@link SimPool#bringHostOnline}.
 * </ul>
 *
 * <p>Parse with {@link #parse}; give the result to {@link SimConfig#withFaults} and the pool arms it
 * (the draws for {@code p=F} come from the stand's seed, so a run is reproducible when its calls come in
 * the same order). Empty text is no fault.
 */
public record FaultSpec(List<Rule> rules) {

    public FaultSpec {
        rules = List.copyOf(rules);
    }

    /** What goes wrong. */
    public sealed interface Kind {
        /** The spelling in a spec, with its argument. */
        String text();
    }

    public record SessionInvalid() implements Kind {
        @Override
        public String text() {
            return "session-invalid";
        }
    }

    public record Http500() implements Kind {
        @Override
        public String text() {
            return "http500";
        }
    }

    public record Slow(Duration delay) implements Kind {
        @Override
        public String text() {
            return "slow:" + delay.toMillis();
        }
    }

    public record EventsLost() implements Kind {
        @Override
        public String text() {
            return "events-lost";
        }
    }

    public record TaskFail(String code) implements Kind {
        public static final String DEFAULT_CODE = "VM_MIGRATE_FAILED";

        @Override
        public String text() {
            return code.equals(DEFAULT_CODE) ? "task-fail" : "task-fail:" + code;
        }
    }

    public record HostOffline(String host) implements Kind {
        @Override
        public String text() {
            return "host-offline:" + host;
        }
    }

    /** When it goes wrong. */
    public sealed interface When {
        String text();
    }

    /** Once, this long after the pool's server started. */
    public record After(Duration delay) implements When {
        @Override
        public String text() {
            long ms = delay.toMillis();
            return (ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(Locale.ROOT, "%.3f", ms / 1000.0)) + "s";
        }
    }

    /** On each call the kind applies to, with this probability. */
    public record EachCall(double probability) implements When {
        @Override
        public String text() {
            return "p=" + probability;
        }
    }

    public record Rule(Kind kind, When when) {
        @Override
        public String toString() {
            return kind.text() + "@" + when.text();
        }
    }

    /** A spec that cannot be used: the message names the offending item (1-based) and what is wrong. */
    public static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int item;

        Invalid(int item, String text, String problem) {
            super("item " + item + " '" + text + "': " + problem);
            this.item = item;
        }

        /** 1-based position of the bad item in the list. */
        public int item() {
            return item;
        }
    }

    private static final Pattern SECONDS = Pattern.compile("(\\d{1,9}(?:\\.\\d{1,3})?)s");
    private static final Pattern PROBABILITY = Pattern.compile("p=(\\d*(?:\\.\\d+)?)");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final String KINDS = "session-invalid, http500, slow:MS, events-lost, task-fail[:CODE], host-offline:HOST";

    public static FaultSpec none() {
        return new FaultSpec(List.of());
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Parses {@code KIND[:ARG]@WHEN,...}. @throws Invalid naming the first bad item */
    public static FaultSpec parse(String text) {
        List<Rule> rules = new ArrayList<>();
        if (text.isBlank()) {
            return none();
        }
        String[] items = text.split(",", -1);
        for (int i = 0; i < items.length; i++) {
            rules.add(parseItem(i + 1, items[i].strip()));
        }
        return new FaultSpec(rules);
    }

    private static Rule parseItem(int n, String item) {
        if (item.isEmpty()) {
            throw new Invalid(n, item, "empty (two commas, or a comma at an end)");
        }
        int at = item.lastIndexOf('@');
        if (at < 0) {
            throw new Invalid(n, item, "no @WHEN: say when, as " + item + "@30s (once) or " + item + "@p=0.1 (each call)");
        }
        return new Rule(kind(n, item, item.substring(0, at)), when(n, item, item.substring(at + 1)));
    }

    private static Kind kind(int n, String item, String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String arg = colon < 0 ? "" : spec.substring(colon + 1);
        boolean hasArg = colon >= 0;
        return switch (name) {
            case "session-invalid" -> noArg(n, item, name, hasArg, new SessionInvalid());
            case "http500" -> noArg(n, item, name, hasArg, new Http500());
            case "events-lost" -> noArg(n, item, name, hasArg, new EventsLost());
            case "slow" -> {
                if (!arg.matches("\\d{1,7}") || Long.parseLong(arg) == 0) {
                    throw new Invalid(n, item, "slow needs a delay of 1..9999999 milliseconds, as slow:1500");
                }
                yield new Slow(Duration.ofMillis(Long.parseLong(arg)));
            }
            case "task-fail" -> {
                if (hasArg && !CODE.matcher(arg).matches()) {
                    throw new Invalid(n, item, "task-fail takes an XAPI error code such as INTERNAL_ERROR, got '" + arg + "'");
                }
                yield new TaskFail(hasArg ? arg : TaskFail.DEFAULT_CODE);
            }
            case "host-offline" -> {
                if (arg.isBlank()) {
                    throw new Invalid(n, item, "host-offline needs the host's name, as host-offline:host-3");
                }
                yield new HostOffline(arg);
            }
            default -> throw new Invalid(n, item, "unknown kind '" + name + "' (kinds: " + KINDS + ")");
        };
    }

    private static Kind noArg(int n, String item, String name, boolean hasArg, Kind kind) {
        if (hasArg) {
            throw new Invalid(n, item, name + " takes no argument");
        }
        return kind;
    }

    private static When when(int n, String item, String spec) {
        var seconds = SECONDS.matcher(spec);
        if (seconds.matches()) {
            return new After(Duration.ofMillis(Math.round(Double.parseDouble(seconds.group(1)) * 1000)));
        }
        var p = PROBABILITY.matcher(spec);
        if (p.matches() && !p.group(1).isEmpty()) {
            double f = Double.parseDouble(p.group(1));
            if (!(f > 0 && f <= 1)) {
                throw new Invalid(n, item, "a probability is above 0 and at most 1, got " + p.group(1));
            }
            return new EachCall(f);
        }
        throw new Invalid(n, item, "WHEN is Ns (once, N seconds after start) or p=F (each call, probability F), got '"
                + spec + "'");
    }

    /** Checks that every host-offline names a host of the stand. @throws Invalid naming the item */
    public void requireHosts(Collection<String> hostNames) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).kind() instanceof HostOffline(String host) && !hostNames.contains(host)) {
                throw new Invalid(i + 1, rules.get(i).toString(), "no host '" + host + "' in the stand ("
                        + hostNames.stream().collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    @Override
    public String toString() {
        return rules.stream().map(Rule::toString).collect(Collectors.joining(","));
    }
}
