package raypool.cloud.cli;

import java.nio.file.Path;
import java.time.Duration;

/** The defaults of the cloud commands, in one place. */
public final class CloudDefaults {
    /** The audit log, in the current folder, as the balancer daemon keeps its own. */
    public static final Path AUDIT_LOG = Path.of("cloud-audit.jsonl");
    /** A licence that runs out within this many days is reported (LICENCE_EXPIRES_SOON). */
    public static final int EXPIRES_SOON_DAYS = 30;
    /** How long a VM's clean shutdown may take before the UPS plan forces it off. */
    public static final Duration CLEAN_SHUTDOWN_TIMEOUT = Duration.ofMinutes(2);
    /** On battery this long without a low-battery signal: shut down anyway. */
    public static final Duration ON_BATTERY_GRACE = Duration.ofMinutes(5);
    /** How often ups watch asks the NUT server. */
    public static final Duration NUT_POLL = Duration.ofSeconds(2);
    /** NUT's network port. */
    public static final int NUT_PORT = 3493;
    /**
     * The simulated pool's clock against real time. 1: licences expire and shutdown delays pass as they
     * would on a real pool.
     */
    public static final double SIMULATED_TIME_SCALE = 1;

    private CloudDefaults() {
    }
}
