package raypool.balancer.sim;

import org.junit.jupiter.api.Test;
import raypool.balancer.trace.PlanetLabTrace;
import raypool.balancer.trace.TraceReader;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Under --rules cloudsim the baselines must land within the bounds of the reference code's
 * printed figures (anchors.md section 4). Needs ../shared/planetlab beside the repository; reports
 * itself skipped, with the reason, where that is absent.
 */
class CloudSimFidelityTest {
    private static final String DAY = "20110306";

    static Path planetlab() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("../shared/planetlab") : dir.resolve("../shared/planetlab").normalize();
    }

    @Test
    void thresholdAndRegressionBaselinesMatchTheReference() {
        Path day = planetlab().resolve(DAY);
        assumeTrue(Files.isDirectory(day), () -> "PlanetLab traces not found at " + day
                + " (../shared/planetlab relative to the repository root); fidelity not checked");
        PlanetLabTrace trace = TraceReader.read(day);
        for (String policy : new String[] {"thr-mmt", "lr-mmt"}) {
            ReplayResult r = Replay.run(trace, policy, "cloudsim", StepListener.NONE);
            ReferenceFigures.Figure ref = ReferenceFigures.of(DAY, policy).orElseThrow();
            assertTrue(ReferenceFigures.faithful(ref, r), () -> policy + ": " + r.energyKwh() + " kWh, "
                    + r.migrations() + " migrations, SLATAH " + r.slatah() + " against " + ref);
        }
    }
}
