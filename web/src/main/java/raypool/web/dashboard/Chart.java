package raypool.web.dashboard;

import java.util.List;
import java.util.Locale;

/**
 * A line chart drawn as SVG by the page: the polyline's points in a {@link #WIDTH} x {@link #HEIGHT} box,
 * values 0..1 from bottom to top, the oldest sample on the left. Pure: samples in, points out.
 */
public record Chart(String points, int samples, double last) {
    public static final int WIDTH = 320;
    public static final int HEIGHT = 80;

    public static Chart of(List<Double> fractions) {
        StringBuilder out = new StringBuilder();
        int n = fractions.size();
        for (int i = 0; i < n; i++) {
            double v = Math.max(0, Math.min(1, fractions.get(i)));
            double x = n == 1 ? WIDTH : (double) i * WIDTH / (n - 1);
            double y = HEIGHT - v * HEIGHT;
            if (i > 0) {
                out.append(' ');
            }
            out.append(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
        }
        return new Chart(out.toString(), n, n == 0 ? Double.NaN : fractions.get(n - 1));
    }

    public String lastPercent() {
        return Double.isNaN(last) ? "-" : String.format(Locale.ROOT, "%.0f%%", last * 100);
    }
}
