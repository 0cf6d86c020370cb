package raypool.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import raypool.balancer.policy.Policies;

/**
 * The daemon's settings, every default in {@link #defaults()}. A configuration file holds
 * {@code key = value} lines ({@code #} starts a comment); keys and defaults:
 * <pre>
 * mode               = recommend     # recommend (log only) or automatic (apply)
 * policy             = wlb-density   # any balancer policy (wlb-performance, xo-performance, thr-mmt, ...)
 * interval           = 60s           # real time between rounds
 * repeat-rounds      = 3             # a proposal (this VM, from this host, to that one) must repeat this many rounds
 * cooldown           = 1h            # pool time a VM stays put after it moved
 * max-concurrent     = 2             # migrations in flight at once, pool-wide
 * max-per-round      = 2             # migrations started in one round
 * max-per-host       = 1             # migrations touching one host in one plan (WLB policies)
 * migration-timeout  = 10m           # pool time before a migration still running is cancelled
 * failure-hold       = 30m           # pool time a VM is left alone after a refused, failed or cancelled move
 * cpu-critical       = 0.90          # WLB's critical CPU threshold; high is 0.85 x it (WLB policies)
 * status-port        = 8481          # status endpoint on 127.0.0.1 (0: any free port, -1: none)
 * audit              = balancer-audit.jsonl
 * recent-migrations  = 50            # migrations the status endpoint lists
 * power-management   = off           # on: with a density policy, power idle hosts off and on again
 * power-on-above     = 0.75          # power a standby host on when the running hosts' CPU is above this
 * power-off-below    = 0.60          # power a host off only if the others stay below this without it
 * min-hosts-on       = 2             # never fewer running hosts than this
 * zero-cpu-samples   = 12            # a VM at exactly 0 % in this many samples, all of them, stops the round (0: off)
 * lease-ttl          = 5m            # pool time the lease in pool.other_config lasts unless renewed
 * lease-holder       =               # this daemon's name in the lease (default: host name and audit file)
 * ignored-vm-tags    =               # VMs with any of these tags are never moved (Xen Orchestra's "Ignored VM tags")
 * affinity-tags      =               # VMs sharing one of these tags are kept together ("Affinity tags")
 * anti-affinity-tags =               # VMs sharing one of these tags are spread ("Anti-affinity tags")
 * excluded-hosts     =               # host names or refs left out of balancing ("Excluded hosts")
 * host-pin.NAME      = AB:CD:...     # SHA-256 pin of pool member NAME's certificate (metrics are read from each member)
 * capacity           =               # raybench result files or folders of them: each host's measured CPU capacity
 * </pre>
 * Durations are a number and a unit: ms, s, m, h. Lists are comma-separated. Bad lines raise
 * {@link ConfigException} naming the file and line.
 */
public record DaemonConfig(Mode mode, String policy, Duration interval, int repeatRounds, Duration cooldown,
                           int maxConcurrent, int maxPerRound, int maxPerHost, Duration migrationTimeout,
                           Duration failureHold, double cpuCritical, int statusPort, Path audit, int recentMigrations,
                           boolean powerManagement, double powerOnAbove, double powerOffBelow, int minHostsOn,
                           int zeroCpuSamples, Duration leaseTtl, String leaseHolder, List<String> ignoredVmTags,
                           List<String> affinityTags, List<String> antiAffinityTags, List<String> excludedHosts,
                           Map<String, String> hostPins, List<Path> capacity) {

    public enum Mode { RECOMMEND, AUTOMATIC }

    public static final String HOST_PIN = "host-pin.";

    public static final List<String> KEYS = List.of("mode", "policy", "interval", "repeat-rounds", "cooldown",
            "max-concurrent", "max-per-round", "max-per-host", "migration-timeout", "failure-hold", "cpu-critical",
            "status-port", "audit", "recent-migrations", "power-management", "power-on-above", "power-off-below",
            "min-hosts-on", "zero-cpu-samples", "lease-ttl", "lease-holder", "ignored-vm-tags", "affinity-tags", "anti-affinity-tags",
            "excluded-hosts", HOST_PIN + "NAME", "optimisation", "capacity");

    public DaemonConfig {
        ignoredVmTags = List.copyOf(ignoredVmTags);
        affinityTags = List.copyOf(affinityTags);
        antiAffinityTags = List.copyOf(antiAffinityTags);
        excludedHosts = List.copyOf(excludedHosts);
        hostPins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hostPins));
        capacity = List.copyOf(capacity);
    }

    public static DaemonConfig defaults() {
        return new DaemonConfig(Mode.RECOMMEND, "wlb-density", Duration.ofSeconds(60), 3, Duration.ofHours(1), 2, 2,
                1, Duration.ofMinutes(10), Duration.ofMinutes(30), 0.90, 8481, Path.of("balancer-audit.jsonl"), 50,
                false, 0.75, 0.60, 2, 12, Duration.ofMinutes(5), "", List.of(), List.of(), List.of(), List.of(),
                Map.of(), List.of());
    }

    /** Whether the policy packs VMs (the only kind for which power management makes sense). */
    public boolean density() {
        return policy.endsWith("density");
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
            try {
                c = c.with(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where + ": " + e.getMessage());
            }
        }
        return c;
    }

    /** One setting changed; the message of a bad value starts with the key and a colon. */
    public DaemonConfig with(String key, String value) {
        Builder b = new Builder(this);
        switch (key) {
            case "capacity" -> b.capacity = list(value).stream().map(Path::of).toList();
            case "mode" -> b.mode = enumOf(Mode.class, key, value);
            case "policy" -> b.policy = policy(key, value);
            case "optimisation" -> b.policy = switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "performance" -> "wlb-performance";
                case "density" -> "wlb-density";
                default -> throw new IllegalArgumentException(key + ": '" + value
                        + "' is not one of [performance, density] (or give policy = NAME)");
            };
            case "interval" -> b.interval = positive(key, duration(key, value));
            case "repeat-rounds" -> b.repeatRounds = integer(key, value, 1, 1000);
            case "cooldown" -> b.cooldown = duration(key, value);
            case "max-concurrent" -> b.maxConcurrent = integer(key, value, 1, 1000);
            case "max-per-round" -> b.maxPerRound = integer(key, value, 1, 1000);
            case "max-per-host" -> b.maxPerHost = integer(key, value, 1, 1000);
            case "migration-timeout" -> b.migrationTimeout = positive(key, duration(key, value));
            case "failure-hold" -> b.failureHold = duration(key, value);
            case "cpu-critical" -> b.cpuCritical = fraction(key, value);
            case "status-port" -> b.statusPort = integer(key, value, -1, 65535);
            case "audit" -> {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("audit: needs a file name");
                }
                b.audit = Path.of(value);
            }
            case "recent-migrations" -> b.recentMigrations = integer(key, value, 0, 100_000);
            case "power-management" -> b.powerManagement = onOff(key, value);
            case "power-on-above" -> b.powerOnAbove = fraction(key, value);
            case "power-off-below" -> b.powerOffBelow = fraction(key, value);
            case "min-hosts-on" -> b.minHostsOn = integer(key, value, 1, 10_000);
            case "zero-cpu-samples" -> b.zeroCpuSamples = integer(key, value, 0, 100_000);
            case "lease-ttl" -> b.leaseTtl = positive(key, duration(key, value));
            case "lease-holder" -> {
                if (value.contains(";") || value.length() > 200) {
                    throw new IllegalArgumentException(key + ": at most 200 characters and no ';'");
                }
                b.leaseHolder = value;
            }
            case "ignored-vm-tags" -> b.ignoredVmTags = list(value);
            case "affinity-tags" -> b.affinityTags = list(value);
            case "anti-affinity-tags" -> b.antiAffinityTags = list(value);
            case "excluded-hosts" -> b.excludedHosts = list(value);
            default -> {
                if (key.startsWith(HOST_PIN) && key.length() > HOST_PIN.length()) {
                    try {
                        raypool.xapi.client.TlsPolicy.PinnedSha256.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(key + ": " + e.getMessage());
                    }
                    b.hostPins.put(key.substring(HOST_PIN.length()), value);
                } else {
                    throw new IllegalArgumentException("unknown key '" + key + "'; known keys: " + KEYS);
                }
            }
        }
        if (b.powerOffBelow >= b.powerOnAbove) {
            throw new IllegalArgumentException(key + ": power-off-below (" + b.powerOffBelow
                    + ") must be below power-on-above (" + b.powerOnAbove + "), or hosts would flap");
        }
        return b.build();
    }

    /** The mutable copy {@link #with} changes one field of. */
    private static final class Builder {
        Mode mode;
        String policy;
        Duration interval;
        int repeatRounds;
        Duration cooldown;
        int maxConcurrent;
        int maxPerRound;
        int maxPerHost;
        Duration migrationTimeout;
        Duration failureHold;
        double cpuCritical;
        int statusPort;
        Path audit;
        int recentMigrations;
        boolean powerManagement;
        double powerOnAbove;
        double powerOffBelow;
        int minHostsOn;
        int zeroCpuSamples;
        Duration leaseTtl;
        String leaseHolder;
        List<String> ignoredVmTags;
        List<String> affinityTags;
        List<String> antiAffinityTags;
        List<String> excludedHosts;
        Map<String, String> hostPins;
        List<Path> capacity;

        Builder(DaemonConfig c) {
            mode = c.mode;
            policy = c.policy;
            interval = c.interval;
            repeatRounds = c.repeatRounds;
            cooldown = c.cooldown;
            maxConcurrent = c.maxConcurrent;
            maxPerRound = c.maxPerRound;
            maxPerHost = c.maxPerHost;
            migrationTimeout = c.migrationTimeout;
            failureHold = c.failureHold;
            cpuCritical = c.cpuCritical;
            statusPort = c.statusPort;
            audit = c.audit;
            recentMigrations = c.recentMigrations;
            powerManagement = c.powerManagement;
            powerOnAbove = c.powerOnAbove;
            powerOffBelow = c.powerOffBelow;
            minHostsOn = c.minHostsOn;
            zeroCpuSamples = c.zeroCpuSamples;
            leaseTtl = c.leaseTtl;
            leaseHolder = c.leaseHolder;
            ignoredVmTags = c.ignoredVmTags;
            affinityTags = c.affinityTags;
            antiAffinityTags = c.antiAffinityTags;
            excludedHosts = c.excludedHosts;
            hostPins = new LinkedHashMap<>(c.hostPins);
            capacity = c.capacity;
        }

        DaemonConfig build() {
            return new DaemonConfig(mode, policy, interval, repeatRounds, cooldown, maxConcurrent, maxPerRound,
                    maxPerHost, migrationTimeout, failureHold, cpuCritical, statusPort, audit, recentMigrations,
                    powerManagement, powerOnAbove, powerOffBelow, minHostsOn, zeroCpuSamples, leaseTtl, leaseHolder, ignoredVmTags,
                    affinityTags, antiAffinityTags, excludedHosts, hostPins, capacity);
        }
    }

    private static String policy(String key, String value) {
        String name = value.strip().toLowerCase(Locale.ROOT);
        if (!Policies.NAMES.contains(name)) {
            throw new IllegalArgumentException(key + ": unknown policy '" + value + "'; choose one of " + Policies.NAMES);
        }
        return name;
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static boolean onOff(String key, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(key + ": '" + value + "' is not on or off");
        };
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String key, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(x -> x.name().toLowerCase(Locale.ROOT))
                    .toList();
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
