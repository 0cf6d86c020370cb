package raypool.balancer.model;

import java.util.Arrays;

/**
 * A SPECpower-style power curve: watts at 0, 10, ..., 100 % CPU, linear between the points.
 * The interpolation is written the way the reference (CloudSim's PowerModelSpecPower) computes it,
 * floating-point order included, because energy fidelity is checked to the watt-second.
 */
public final class PowerModel {
    private final double[] wattsAtTenths;

    public PowerModel(double... wattsAtTenths) {
        if (wattsAtTenths.length != 11) {
            throw new IllegalArgumentException("a power curve needs 11 points (0..100 %), got " + wattsAtTenths.length);
        }
        this.wattsAtTenths = wattsAtTenths.clone();
    }

    /** HP ProLiant ML110 G4, the reference experiment's even hosts. */
    public static final PowerModel G4 = new PowerModel(86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117);
    /** HP ProLiant ML110 G5, the reference experiment's odd hosts. */
    public static final PowerModel G5 = new PowerModel(93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135);

    /** Watts at a utilisation in [0, 1]; values a rounding error above 1 are clamped. */
    public double watts(double utilization) {
        double u = Math.max(0, Math.min(1, utilization));
        if (u % 0.1 == 0) {
            return wattsAtTenths[(int) (u * 10)];
        }
        int lower = (int) Math.floor(u * 10);
        int upper = (int) Math.ceil(u * 10);
        double delta = (wattsAtTenths[upper] - wattsAtTenths[lower]) / 10;
        return wattsAtTenths[lower] + delta * (u - (double) lower / 10) * 100;
    }

    public double idleWatts() {
        return wattsAtTenths[0];
    }

    public double maxWatts() {
        return wattsAtTenths[10];
    }

    @Override
    public String toString() {
        return "PowerModel" + Arrays.toString(wattsAtTenths);
    }
}
