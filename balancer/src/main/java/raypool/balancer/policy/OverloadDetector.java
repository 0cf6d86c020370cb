package raypool.balancer.policy;

import raypool.balancer.model.Snapshot;

import java.util.Arrays;

/**
 * The reference's four host-overload tests (Beloglazov and Buyya 2012). All look at the host's current
 * (possibly tentative) VM list in a {@link Workspace}. The history-based ones fall back to a static 0.7
 * threshold until the host has enough history, as the reference does.
 */
public sealed interface OverloadDetector {

    boolean overloaded(Workspace ws, int h);

    String label();

    /** Static threshold: requested MIPS over capacity above the threshold. */
    record Thr(double threshold) implements OverloadDetector {
        public boolean overloaded(Workspace ws, int h) {
            return ws.demandSum(h) / ws.snapshot().host(h).capacityMips() > threshold;
        }

        public String label() {
            return "THR-MMT-" + threshold;
        }
    }

    /** Interquartile range of the host's utilisation history sets an adaptive upper threshold. */
    record Iqr(double safety) implements OverloadDetector {
        public boolean overloaded(Workspace ws, int h) {
            double[] history = hostHistory(ws, h);
            if (history.length < 12) {
                return FALLBACK.overloaded(ws, h);
            }
            Arrays.sort(history);
            int n = history.length;
            double iqr = history[(int) Math.round(0.75 * (n + 1)) - 1] - history[(int) Math.round(0.25 * (n + 1)) - 1];
            return ws.demandSum(h) / ws.snapshot().host(h).capacityMips() > 1 - safety * iqr;
        }

        public String label() {
            return "IQR-MMT-" + safety;
        }
    }

    /** Median absolute deviation of the history sets an adaptive upper threshold. */
    record Mad(double safety) implements OverloadDetector {
        public boolean overloaded(Workspace ws, int h) {
            double[] history = hostHistory(ws, h);
            if (history.length < 12) {
                return FALLBACK.overloaded(ws, h);
            }
            double median = median(history.clone());
            double[] deviation = new double[history.length];
            for (int i = 0; i < history.length; i++) {
                deviation[i] = Math.abs(median - history[i]);
            }
            double mad = median(deviation);
            return ws.demandSum(h) / ws.snapshot().host(h).capacityMips() > 1 - safety * mad;
        }

        public String label() {
            return "MAD-MMT-" + safety;
        }
    }

    /**
     * Least squares over the 10 newest history values (oldest at x = 1), extrapolated past the longest
     * migration of the host's VMs. The reference meant a tricube-weighted (loess) fit but its weights
     * are never applied, so plain least squares is what it computes.
     */
    record Lr(double safety, double migrationBandwidthMbPerS, double stepSeconds) implements OverloadDetector {
        public boolean overloaded(Workspace ws, int h) {
            double[] history = hostHistory(ws, h);
            int length = 10;
            if (history.length < length) {
                return FALLBACK.overloaded(ws, h);
            }
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int i = 0; i < length; i++) {
                double x = i + 1;
                double y = history[length - i - 1];
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
            }
            double slope = (length * sxy - sx * sy) / (length * sxx - sx * sx);
            double intercept = (sy - slope * sx) / length;
            int maxRam = 0;
            for (int i = 0, n = ws.count(h); i < n; i++) {
                maxRam = Math.max(maxRam, ws.snapshot().vm(ws.vmAt(h, i)).ramMb());
            }
            double intervals = Math.ceil(maxRam / migrationBandwidthMbPerS / stepSeconds);
            double predicted = (intercept + slope * (length + intervals)) * safety;
            return predicted >= 1;
        }

        public String label() {
            return "LR-MMT-" + safety;
        }
    }

    OverloadDetector FALLBACK = new Thr(0.7);

    /**
     * Host utilisation history: sum over its VMs of their history scaled by VM MIPS / host capacity,
     * newest first, trailing zeros dropped, at least one value (the reference's PowerHostUtilizationHistory).
     */
    static double[] hostHistory(Workspace ws, int h) {
        Snapshot s = ws.snapshot();
        double capacity = s.host(h).capacityMips();
        double[] sum = new double[Snapshot.HISTORY];
        for (int i = 0, n = ws.count(h); i < n; i++) {
            int v = ws.vmAt(h, i);
            double scale = s.vm(v).mips() / capacity;
            for (int k = 0, len = s.historyLength(v); k < len; k++) {
                sum[k] += s.history(v, k) * scale;
            }
        }
        int length = sum.length;
        while (length > 1 && sum[length - 1] == 0) {
            length--;
        }
        return length == sum.length ? sum : Arrays.copyOf(sum, length);
    }

    /** Median as Apache Commons Math's legacy percentile estimates it (the mean of the middle two). */
    static double median(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        double pos = 0.5 * (n + 1);
        int lower = (int) Math.floor(pos);
        double d = pos - lower;
        if (lower < 1) {
            return values[0];
        }
        if (lower >= n) {
            return values[n - 1];
        }
        return values[lower - 1] + d * (values[lower] - values[lower - 1]);
    }

    static OverloadDetector parse(String name) {
        return switch (name) {
            case "thr-mmt" -> new Thr(0.8);
            case "iqr-mmt" -> new Iqr(1.5);
            case "mad-mmt" -> new Mad(2.5);
            case "lr-mmt" -> new Lr(1.2, 1000.0 / 16, 300);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
