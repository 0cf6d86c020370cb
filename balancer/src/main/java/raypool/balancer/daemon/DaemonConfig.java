package raypool.balancer.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The daemon's settings, every default in {@link #defaults()}. A configuration file holds
 * {@code key = value} lines ({@code #} starts a comment); keys and defaults:
 * <pre>
 * mode               = recommend     # recommend (log only) or automatic (apply)
 * optimisation       = performance   # WLB's Maximize Performance, or density (pack; never powers hosts off)
 * interval           = 60s           # real time between rounds
 * repeat-rounds      = 3             # a recommendation must repeat this many rounds in a row before it is applied
 * cooldown           = 1h            # pool time a VM stays put after it moved
 * max-concurrent     = 2             # migrations in flight at once, pool-wide
 * max-per-round      = 2             # migrations started in one round
 * max-per-host       = 1             # migrations touching one host in one plan
 * migration-timeout  = 10m           # pool time before a migration still running is cancelled
 * failure-hold       = 30m           # pool time a VM is left alone after a refused, failed or cancelled move
 * cpu-critical       = 0.90          # WLB's critical CPU threshold; high is 0.85 x it
 * status-port        = 8481          # status endpoint on 127.0.0.1 (0: any free port, -1: none)
 * audit              = balancer-audit.jsonl
 * recent-migrations  = 50            # migrations the status endpoint lists
 * </pre>
 * Durations are a number and a unit: ms, s, m, h. Bad lines raise {@link ConfigException} naming the
 * file and line.
 */
public record DaemonConfig(Mode mode, Optimisation optimisation, Duration interval, int repeatRounds,
                           Duration cooldown, int maxConcurrent, int maxPerRound, int maxPerHost,
                           Duration migrationTimeout, Duration failureHold, double cpuCritical, int statusPort,
                           Path audit, int recentMigrations) {

    public enum Mode { RECOMMEND, AUTOMATIC }

    public enum Optimisation { PERFORMANCE, DENSITY }

    public static final List<String> KEYS = List.of("mode", "optimisation", "interval", "repeat-rounds", "cooldown",
            "max-concurrent", "max-per-round", "max-per-host", "migration-timeout", "failure-hold", "cpu-critical",
            "status-port", "audit", "recent-migrations");

    public static DaemonConfig defaults() {
        return new DaemonConfig(Mode.RECOMMEND, Optimisation.PERFORMANCE, Duration.ofSeconds(60), 3,
                Duration.ofHours(1), 2, 2, 1, Duration.ofMinutes(10), Duration.ofMinutes(30), 0.90, 8481,
                Path.of("balancer-audit.jsonl"), 50);
    }

    /** The defaults with a file's settings on top. */
    public static DaemonConfig read(Path file) {
        return read(file, defaults());
    }

    /** {@code base} with a file's settings on top. */
    public static DaemonConfig read(Path file, DaemonConfig base) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        DaemonConfig c = base;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (text.isEmpty()) {
                continue;
            }
            String where = file + ":" + (i + 1);
            int eq = text.indexOf('=');
            if (eq < 0) {
                throw new ConfigException(where + ": expected 'key = value', got '" + text + "'");
            }
            String key = text.substring(0, eq).strip();
            String value = text.substring(eq + 1).strip();
            try {
                c = c.with(key, value);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + e.getMessage());
            }
        }
        return c;
    }

    /** One setting changed; the message of a bad value names the key. */
    public DaemonConfig with(String key, String value) {
        DaemonConfig c = this;
        return switch (key) {
            case "mode" -> new DaemonConfig(enumOf(Mode.class, key, value), c.optimisation, c.interval, c.repeatRounds,
                    c.cooldown, c.maxConcurrent, c.maxPerRound, c.maxPerHost, c.migrationTimeout, c.failureHold,
                    c.cpuCritical, c.statusPort, c.audit, c.recentMigrations);
            case "optimisation" -> new DaemonConfig(c.mode, enumOf(Optimisation.class, key, value), c.interval,
                    c.repeatRounds, c.cooldown, c.maxConcurrent, c.maxPerRound, c.maxPerHost, c.migrationTimeout,
                    c.failureHold, c.cpuCritical, c.statusPort, c.audit, c.recentMigrations);
            case "interval" -> new DaemonConfig(c.mode, c.optimisation, positive(key, duration(key, value)),
                    c.repeatRounds, c.cooldown, c.maxConcurrent, c.maxPerRound, c.maxPerHost, c.migrationTimeout,
                    c.failureHold, c.cpuCritical, c.statusPort, c.audit, c.recentMigrations);
            case "repeat-rounds" -> new DaemonConfig(c.mode, c.optimisation, c.interval, integer(key, value, 1, 1000),
                    c.cooldown, c.maxConcurrent, c.maxPerRound, c.maxPerHost, c.migrationTimeout, c.failureHold,
                    c.cpuCritical, c.statusPort, c.audit, c.recentMigrations);
            case "cooldown" -> new DaemonConfig(c.mode, c.optimisation, c.interval, c.repeatRounds,
                    duration(key, value), c.maxConcurrent, c.maxPerRound, c.maxPerHost, c.migrationTimeout,
                    c.failureHold, c.cpuCritical, c.statusPort, c.audit, c.recentMigrations);
            case "max-concurrent" -> new DaemonConfig(c.mode, c.optimisation, c.interval, c.repeatRounds, c.cooldown,
                    integer(key, value, 1, 1000), c.maxPerRound, c.maxPerHost, c.migrationTimeout, c.failureHold,
                    c.cpuCritical, c.statusPort, c.audit, c.recentMigrations);
            case "max-per-round" -> new DaemonConfig(c.mode, c.optimisation, c.interval, c.repeatRounds, c.cooldown,
                    c.maxConcurrent, integer(key, value, 1, 1000), c.maxPerHost, c.migrationTimeout, c.failureHold,
                    c.cpuCritical, c.statusPort, c.audit, c.recentMigrations);
            case "max-per-host" -> new DaemonConfig(c.mode, c.optimisation, c.interval, c.repeatRounds, c.cooldown,
                    c.maxConcurrent, c.maxPerRound, integer(key, value, 1, 1000), c.migrationTimeout, c.failureHold,
                    c.cpuCritical, c.statusPort, c.audit, c.recentMigrations);
            case "migration-timeout" -> new DaemonConfig(c.mode, c.optimisation, c.interval, c.repeatRounds,
                    c.cooldown, c.maxConcurrent, c.maxPerRound, c.maxPerHost, positive(key, duration(key, value)),
                    c.failureHold, c.cpuCritical, c.statusPort, c.audit, c.recentMigrations);
            case "failure-hold" -> new DaemonConfig(c.mode, c.optimisation, c.interval, c.repeatRounds, c.cooldown,
                    c.maxConcurrent, c.maxPerRound, c.maxPerHost, c.migrationTimeout, duration(key, value),
                    c.cpuCritical, c.statusPort, c.audit, c.recentMigrations);
            case "cpu-critical" -> new DaemonConfig(c.mode, c.optimisation, c.interval, c.repeatRounds, c.cooldown,
                    c.maxConcurrent, c.maxPerRound, c.maxPerHost, c.migrationTimeout, c.failureHold,
                    fraction(key, value), c.statusPort, c.audit, c.recentMigrations);
            case "status-port" -> new DaemonConfig(c.mode, c.optimisation, c.interval, c.repeatRounds, c.cooldown,
                    c.maxConcurrent, c.maxPerRound, c.maxPerHost, c.migrationTimeout, c.failureHold, c.cpuCritical,
                    integer(key, value, -1, 65535), c.audit, c.recentMigrations);
            case "audit" -> {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("audit: needs a file name");
                }
                yield new DaemonConfig(c.mode, c.optimisation, c.interval, c.repeatRounds, c.cooldown,
                        c.maxConcurrent, c.maxPerRound, c.maxPerHost, c.migrationTimeout, c.failureHold,
                        c.cpuCritical, c.statusPort, Path.of(value), c.recentMigrations);
            }
            case "recent-migrations" -> new DaemonConfig(c.mode, c.optimisation, c.interval, c.repeatRounds,
                    c.cooldown, c.maxConcurrent, c.maxPerRound, c.maxPerHost, c.migrationTimeout, c.failureHold,
                    c.cpuCritical, c.statusPort, c.audit, integer(key, value, 0, 100_000));
            default -> throw new IllegalArgumentException("unknown key '" + key + "'; known keys: " + KEYS);
        };
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String key, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants())
                    .map(x -> x.name().toLowerCase(Locale.ROOT)).toList();
            throw new IllegalArgumentException(key + ": '" + value + "' is not one of " + names);
        }
    }

    private static int integer(String key, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a whole number");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(key + ": " + n + " is outside " + min + ".." + max);
        }
        return n;
    }

    private static double fraction(String key, String value) {
        double d;
        try {
            d = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a number");
        }
        if (!(d > 0 && d <= 1)) {
            throw new IllegalArgumentException(key + ": " + value + " must be above 0 and at most 1");
        }
        return d;
    }

    private static Duration positive(String key, Duration d) {
        if (d.isZero()) {
            throw new IllegalArgumentException(key + ": must be longer than 0");
        }
        return d;
    }

    /** A duration such as 500ms, 30s, 5m, 1h (a bare number is seconds). */
    public static Duration duration(String key, String value) {
        Optional<Duration> d = parseDuration(value);
        return d.orElseThrow(() -> new IllegalArgumentException(key + ": '" + value
                + "' is not a duration (a number with ms, s, m or h, e.g. 60s)"));
    }

    private static final java.util.regex.Pattern DURATION =
            java.util.regex.Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)?");

    public static Optional<Duration> parseDuration(String value) {
        var m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        long millis = switch (unit) {
            case "ms" -> Math.round(n);
            case "m" -> Math.round(n * 60_000);
            case "h" -> Math.round(n * 3_600_000);
            default -> Math.round(n * 1000);
        };
        return Optional.of(Duration.ofMillis(millis));
    }

    /** A bad configuration file or option: the command exits 2 with this message. */
    public static final class ConfigException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ConfigException(String message) {
            super(message);
        }
    }
}
