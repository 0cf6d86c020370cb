package raypool.balancer.sim;

import java.util.Map;
import java.util.Optional;

/**
 * What the reference code (CloudSim 3.0.3, trace files in name order) printed for each day and
 * baseline, as published with it, and the fidelity bounds a faithful replay must keep to (energy within 5%,
 * migrations within 10%, SLATAH within one point).
 */
public final class ReferenceFigures {
    public record Figure(double energyKwh, long migrations, double slatah) {
    }

    public static final double ENERGY_TOLERANCE = 0.05;
    public static final double MIGRATION_TOLERANCE = 0.10;
    public static final double SLATAH_TOLERANCE_POINTS = 0.01;

    private static final Map<String, Map<String, Figure>> FIGURES = Map.of(
            "20110303", Map.of("thr-mmt", new Figure(192.62, 26711, 0.0491), "iqr-mmt", new Figure(189.98, 26282, 0.0482),
                    "mad-mmt", new Figure(185.79, 26556, 0.0505), "lr-mmt", new Figure(163.48, 27859, 0.0586)),
            "20110306", Map.of("thr-mmt", new Figure(144.74, 20908, 0.0513), "iqr-mmt", new Figure(143.97, 20742, 0.0504),
                    "mad-mmt", new Figure(140.07, 20682, 0.0520), "lr-mmt", new Figure(123.28, 20878, 0.0588)),
            "20110309", Map.of("thr-mmt", new Figure(165.27, 23475, 0.0526), "iqr-mmt", new Figure(166.75, 23772, 0.0525),
                    "mad-mmt", new Figure(163.01, 23476, 0.0525), "lr-mmt", new Figure(142.09, 24959, 0.0655)),
            "20110322", Map.of("thr-mmt", new Figure(201.70, 28902, 0.0503), "iqr-mmt", new Figure(200.87, 29058, 0.0502),
                    "mad-mmt", new Figure(198.50, 28604, 0.0498), "lr-mmt", new Figure(177.48, 32038, 0.0613)),
            "20110325", Map.of("thr-mmt", new Figure(175.24, 24883, 0.0508), "iqr-mmt", new Figure(174.07, 24864, 0.0506),
                    "mad-mmt", new Figure(171.95, 24252, 0.0504), "lr-mmt", new Figure(152.58, 26513, 0.0606)));

    private ReferenceFigures() {
    }

    public static Optional<Figure> of(String day, String policy) {
        return Optional.ofNullable(FIGURES.getOrDefault(day, Map.of()).get(policy));
    }

    /** Whether a cloudsim-rules result lands within the fidelity bounds of the reference. */
    public static boolean faithful(Figure reference, ReplayResult r) {
        return Math.abs(r.energyKwh() / reference.energyKwh() - 1) <= ENERGY_TOLERANCE
                && Math.abs(r.migrations() / (double) reference.migrations() - 1) <= MIGRATION_TOLERANCE
                && Math.abs(r.slatah() - reference.slatah()) <= SLATAH_TOLERANCE_POINTS;
    }
}
