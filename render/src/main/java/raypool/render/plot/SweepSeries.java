package raypool.render.plot;

import java.util.Comparator;
import java.util.List;

/** A sweep under one label (a policy, a kernel or a host), its points in thread order. */
public record SweepSeries(String label, List<SweepPoint> points) {

    public SweepSeries {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("sweep '" + label + "' has no points");
        }
        points = points.stream().sorted(Comparator.comparingInt(SweepPoint::threads)).toList();
    }

    public int maxThreads() {
        return points.getLast().threads();
    }
}
