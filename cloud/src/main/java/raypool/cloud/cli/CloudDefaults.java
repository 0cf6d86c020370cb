package raypool.cloud.cli;

import java.nio.file.Path;
import java.time.Duration;

/** The defaults of the cloud commands, in one place. */
final class CloudDefaults {
    /** A licence that runs out within this many days is reported (LICENCE_EXPIRES_SOON). */
    static final int EXPIRES_SOON_DAYS = 30;
    /** How long a VM's clean shutdown may take before the UPS plan forces it off. */
    static final Duration CLEAN_SHUTDOWN_TIMEOUT = Duration.ofMinutes(2);
    /** On battery this long without a low-battery signal: shut down anyway. */
    static final Duration ON_BATTERY_GRACE = Duration.ofMinutes(5);
    /** How often ups watch asks the NUT server. */
    static final Duration NUT_POLL = Duration.ofSeconds(2);
    /** The simulated pool's clock runs this many times faster than real time (clean shutdowns take seconds). */
    static final double SIMULATED_TIME_SCALE = 60;

    private CloudDefaults() {
    }

    /** $XDG_STATE_HOME/raypool/cloud-audit.jsonl, else ~/.local/state/raypool/cloud-audit.jsonl. */
    static Path auditLog() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() ? Path.of(state)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("raypool").resolve("cloud-audit.jsonl");
    }
}
