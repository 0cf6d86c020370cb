package raypool.balancer.model;

import java.util.Arrays;

/**
 * A SPECpower-style power curve: watts at 0, 10, ..., 100 % CPU, linear between the points.
 * The interpolation is written the way the reference (CloudSim's PowerModelSpecPower) computes it,
 * floating-point order included, because energy fidelity is checked to the watt-second.
 * {@link #of} also takes the two-point form (idle and maximum, linear between), as fleet files may.
 */
public final class PowerModel {
    private final double[] wattsAtTenths;

    public PowerModel(double... wattsAtTenths) {
        if (wattsAtTenths.length != 11) {
            throw new IllegalArgumentException("a power curve needs 11 points (0..100 %), got " + wattsAtTenths.length);
        }
        this.wattsAtTenths = wattsAtTenths.clone();
    }

    /**
     * A curve from 11 points (0 %, 10 %, ..., 100 %) or 2 (idle and maximum: linear, expanded to the 11
     * points it passes through). Watts must be finite, non-negative and never fall as load rises: a host
     * that drew less when busier would make packing it look cheaper than leaving it idle.
     */
    public static PowerModel of(double... points) {
        if (points.length != 2 && points.length != 11) {
            throw new IllegalArgumentException("needs 2 points (idle, max) or 11 (0 %, 10 %, ..., 100 %), got "
                    + points.length);
        }
        for (int i = 0; i < points.length; i++) {
            if (!Double.isFinite(points[i]) || points[i] < 0) {
                throw new IllegalArgumentException("point " + i + " is " + points[i] + " W; watts must be finite and >= 0");
            }
            if (i > 0 && points[i] < points[i - 1]) {
                throw new IllegalArgumentException("decreases from " + points[i - 1] + " W to " + points[i]
                        + " W at point " + i + "; power must not fall as load rises");
            }
        }
        if (points.length == 11) {
            return new PowerModel(points);
        }
        double[] tenths = new double[11];
        for (int i = 0; i <= 10; i++) {
            tenths[i] = points[0] + (points[1] - points[0]) * i / 10;
        }
        return new PowerModel(tenths);
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

    /** The curve's 11 points, watts at 0 %, 10 %, ..., 100 %. */
    public double[] points() {
        return wattsAtTenths.clone();
    }

    /**
     * The least extra watts per unit of utilisation this host can run at: the slope of the steepest
     * line from idle that stays under the curve, min over u of (P(u) - P(0)) / u. The curve is linear
     * between its points and that ratio is monotone on each piece, so the minimum lies on a point.
     * Idle + this slope x u is below P(u) at every load: the energy bound uses it.
     */
    public double leastWattsPerUtilization() {
        double least = Double.MAX_VALUE;
        for (int i = 1; i <= 10; i++) {
            least = Math.min(least, (wattsAtTenths[i] - wattsAtTenths[0]) / (i / 10.0));
        }
        return least;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PowerModel other && Arrays.equals(wattsAtTenths, other.wattsAtTenths);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wattsAtTenths);
    }

    @Override
    public String toString() {
        return "PowerModel" + Arrays.toString(wattsAtTenths);
    }
}
