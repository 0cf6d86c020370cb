package raypool.engine.kernel;

import raypool.engine.compile.CompiledScene;

/**
 * The spheres that primary rays of one image row can hit, as intervals of pixel columns, so that a
 * packet tests only the spheres its columns overlap (on five at 800x600, ~1.4 of 6 per packet).
 * Primary rays share their origin and their directions are linear in x, d(x) = D + x S, so the
 * discriminant of ray and sphere, (d.f)^2 - |d|^2 c with f = o - C and c = |f|^2 - r^2, is a quadratic
 * in x: its non-negative range, widened by {@link #MARGIN} columns against rounding, holds every
 * column whose ray meets the sphere. Computed in double per row (6 spheres x 600 rows: negligible).
 * Skipped tests still count as tests: the scalar kernel makes them, and they are answered.
 */
final class PrimaryRowCull {

    /** Columns added on either side: float rounding moves a silhouette by far less than one. */
    static final double MARGIN = 2;

    private double[] first = new double[0];
    private double[] last = new double[0];
    private int spheres;

    void prepareRow(CompiledScene s, int y) {
        spheres = Math.min(s.sphereCount, Long.SIZE);
        if (first.length < spheres) {
            first = new double[spheres];
            last = new double[spheres];
        }
        double rowX = s.baseX + y * (double) s.stepYx;
        double rowY = s.baseY + y * (double) s.stepYy;
        double rowZ = s.baseZ + y * (double) s.stepYz;
        double sx = s.stepXx, sy = s.stepXy, sz = s.stepXz;
        for (int i = 0; i < spheres; i++) {
            double fx = s.camX - (double) s.sphereX[i];
            double fy = s.camY - (double) s.sphereY[i];
            double fz = s.camZ - (double) s.sphereZ[i];
            double r = s.sphereRadius[i];
            double c = fx * fx + fy * fy + fz * fz - r * r;
            double sf = sx * fx + sy * fy + sz * fz;
            double df = rowX * fx + rowY * fy + rowZ * fz;
            double ss = sx * sx + sy * sy + sz * sz;
            double ds = rowX * sx + rowY * sy + rowZ * sz;
            double dd = rowX * rowX + rowY * rowY + rowZ * rowZ;
            // discriminant(x) = a2 x^2 + a1 x + a0
            double a2 = sf * sf - ss * c;
            double a1 = 2 * (df * sf - ds * c);
            double a0 = df * df - dd * c;
            if (c <= 0 || a2 >= 0) {
                // Camera inside the sphere, or a discriminant that opens upwards: no interval to use.
                first[i] = Double.NEGATIVE_INFINITY;
                last[i] = Double.POSITIVE_INFINITY;
                continue;
            }
            double roots = a1 * a1 - 4 * a2 * a0;
            if (roots < 0) {
                first[i] = Double.POSITIVE_INFINITY;
                last[i] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double sq = Math.sqrt(roots);
            double x1 = (-a1 + sq) / (2 * a2);
            double x2 = (-a1 - sq) / (2 * a2);
            first[i] = Math.min(x1, x2) - MARGIN;
            last[i] = Math.max(x1, x2) + MARGIN;
        }
    }

    /** Bit i set when a primary ray of columns x .. x + lanes - 1 may hit sphere i; all bits above 64 spheres. */
    long spheresFor(int x, int lanes) {
        long mask = spheres < Long.SIZE ? -1L << spheres : 0L;
        for (int i = 0; i < spheres; i++) {
            if (last[i] >= x && first[i] <= x + lanes - 1) {
                mask |= 1L << i;
            }
        }
        return mask;
    }
}
