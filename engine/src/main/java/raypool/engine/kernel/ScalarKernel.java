package raypool.engine.kernel;

import raypool.engine.compile.CompiledScene;
import raypool.engine.frame.FrameBuffer;

/**
 * The reference kernel: one ray at a time, in double precision like c-ray 1.1, following its rules
 * (primary rays of length 1000, hard shadows tested against every object, diffuse N.L plus Phong
 * (R.L)^n per unshadowed light, mirror reflection down to {@link #MAX_DEPTH} levels, colour clamped at 1
 * and truncated to 8 bits). Every other kernel is verified against this one.
 *
 * <p>Why double: the objects subtend small angles from the camera, so the discriminant b^2 - 4ac is a
 * small difference of large terms. In float that leaves hit points up to ~1e-5 inside the sphere, and
 * c-ray's self-intersection margin (1e-6 of the ray) then shadows the surface by itself: acne on 8% of
 * pixels. Double arithmetic costs the scalar loop almost nothing on x86 and keeps c-ray's margins valid.
 *
 * <p>c-ray recurses: colour(d) = local(d) + refl(d) * colour(d + 1). This loop carries the product of
 * reflectivities instead, which is the same sum without a call stack.
 */
public final class ScalarKernel implements Kernel, KernelStages {

    /** Ray levels: the primary ray and up to four reflections, as c-ray's MAX_RAY_DEPTH of 5. */
    public static final int MAX_DEPTH = 5;
    /** c-ray's ERR_MARGIN: hits closer than this fraction of the ray are the surface the ray left. */
    static final double EPSILON = 1e-6;
    static final double REFLECTED_RAY_LENGTH = 1000;
    private static final double NO_HIT = Double.POSITIVE_INFINITY;

    // Result of the last nearest-hit search; fields rather than an object so the loop never allocates.
    private int hitObject;
    private double hitT;

    @Override
    public void renderRows(CompiledScene s, FrameBuffer target, int from, int to, int step, RayCounts counts) {
        int width = target.width();
        int[] pixels = target.pixels();
        for (int y = from; y < to; y += step) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                pixels[row + x] = tracePixel(s, x, y, counts);
            }
        }
    }

    private int tracePixel(CompiledScene s, int x, int y, RayCounts counts) {
        double ox = s.camX, oy = s.camY, oz = s.camZ;
        double dx = s.baseX + x * (double) s.stepXx + y * (double) s.stepYx;
        double dy = s.baseY + x * (double) s.stepXy + y * (double) s.stepYy;
        double dz = s.baseZ + x * (double) s.stepXz + y * (double) s.stepYz;
        double r = 0, g = 0, b = 0;
        double weight = 1;
        counts.primary++;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            if (!nearestHit(s, ox, oy, oz, dx, dy, dz, counts)) {
                break;
            }
            int obj = hitObject;
            double t = hitT;
            double px = ox + dx * t, py = oy + dy * t, pz = oz + dz * t;
            double nx, ny, nz;
            if (obj < s.sphereCount) {
                double radius = s.sphereRadius[obj];
                nx = (px - s.sphereX[obj]) / radius;
                ny = (py - s.sphereY[obj]) / radius;
                nz = (pz - s.sphereZ[obj]) / radius;
            } else {
                int p = obj - s.sphereCount;
                nx = s.planeNx[p];
                ny = s.planeNy[p];
                nz = s.planeNz[p];
            }
            // View reflection R = d - 2 (d.n) n, normalised; used for the highlight and the mirror ray.
            double dn2 = 2 * (dx * nx + dy * ny + dz * nz);
            double rx = dx - dn2 * nx, ry = dy - dn2 * ny, rz = dz - dn2 * nz;
            double rLen = Math.sqrt(rx * rx + ry * ry + rz * rz);
            rx /= rLen;
            ry /= rLen;
            rz /= rLen;

            counts.shadedHits++;
            double lr = 0, lg = 0, lb = 0;
            double shine = s.shininess[obj];
            double cutoff = s.specularCutoff[obj];
            for (int l = 0; l < s.lightCount; l++) {
                double lx = s.lightX[l] - px, ly = s.lightY[l] - py, lz = s.lightZ[l] - pz;
                counts.shadow++;
                if (blocked(s, px, py, pz, lx, ly, lz, counts)) {
                    continue;
                }
                double lLen = Math.sqrt(lx * lx + ly * ly + lz * lz);
                lx /= lLen;
                ly /= lLen;
                lz /= lLen;
                double diffuse = Math.max(nx * lx + ny * ly + nz * lz, 0);
                double rl = rx * lx + ry * ly + rz * lz;
                double specular = rl > cutoff ? Math.pow(rl, shine) : 0;
                lr += diffuse * s.red[obj] + specular;
                lg += diffuse * s.green[obj] + specular;
                lb += diffuse * s.blue[obj] + specular;
            }
            r += weight * lr;
            g += weight * lg;
            b += weight * lb;

            double refl = s.reflectivity[obj];
            if (refl <= 0 || depth + 1 >= MAX_DEPTH) {
                break;
            }
            weight *= refl;
            ox = px;
            oy = py;
            oz = pz;
            dx = rx * REFLECTED_RAY_LENGTH;
            dy = ry * REFLECTED_RAY_LENGTH;
            dz = rz * REFLECTED_RAY_LENGTH;
            counts.reflection++;
        }
        return 0xFF000000 | channel(r) << 16 | channel(g) << 8 | channel(b);
    }

    @Override
    public void primaryHits(CompiledScene s, FrameBuffer target, int from, int to, int step, RayCounts counts) {
        int width = target.width();
        int[] pixels = target.pixels();
        for (int y = from; y < to; y += step) {
            for (int x = 0; x < width; x++) {
                counts.primary++;
                boolean hit = nearestHit(s, s.camX, s.camY, s.camZ, primaryX(s, x, y), primaryY(s, x, y),
                    primaryZ(s, x, y), counts);
                pixels[y * width + x] = hit ? hitObject + 1 : 0;
            }
        }
    }

    @Override
    public void primaryShadows(CompiledScene s, FrameBuffer target, int from, int to, int step, RayCounts counts) {
        int width = target.width();
        int[] pixels = target.pixels();
        for (int y = from; y < to; y += step) {
            for (int x = 0; x < width; x++) {
                double dx = primaryX(s, x, y), dy = primaryY(s, x, y), dz = primaryZ(s, x, y);
                counts.primary++;
                int lit = 0;
                if (nearestHit(s, s.camX, s.camY, s.camZ, dx, dy, dz, counts)) {
                    double px = s.camX + dx * hitT, py = s.camY + dy * hitT, pz = s.camZ + dz * hitT;
                    for (int l = 0; l < s.lightCount; l++) {
                        counts.shadow++;
                        if (!blocked(s, px, py, pz, s.lightX[l] - px, s.lightY[l] - py, s.lightZ[l] - pz, counts)) {
                            lit |= 1 << l;
                        }
                    }
                }
                pixels[y * width + x] = lit;
            }
        }
    }

    private static double primaryX(CompiledScene s, int x, int y) {
        return s.baseX + x * (double) s.stepXx + y * (double) s.stepYx;
    }

    private static double primaryY(CompiledScene s, int x, int y) {
        return s.baseY + x * (double) s.stepXy + y * (double) s.stepYy;
    }

    private static double primaryZ(CompiledScene s, int x, int y) {
        return s.baseZ + x * (double) s.stepXz + y * (double) s.stepYz;
    }

    /** c-ray's conversion: clamp at 1, scale by 255, truncate. */
    static int channel(double c) {
        return (int) (Math.min(c, 1.0) * 255.0);
    }

    /** Nearest hit along o + t d for t in c-ray's accepted range; sets hitObject and hitT. */
    private boolean nearestHit(CompiledScene s, double ox, double oy, double oz, double dx, double dy, double dz,
                               RayCounts counts) {
        int best = -1;
        double bestT = NO_HIT;
        double a = dx * dx + dy * dy + dz * dz;
        for (int i = 0; i < s.sphereCount; i++) {
            double t = sphereHitT(s, i, a, ox, oy, oz, dx, dy, dz);
            if (t < bestT) {
                bestT = t;
                best = i;
            }
        }
        for (int p = 0; p < s.planeCount; p++) {
            double t = planeHitT(s, p, ox, oy, oz, dx, dy, dz);
            if (t < bestT) {
                bestT = t;
                best = s.sphereCount + p;
            }
        }
        counts.intersectionTests += s.sphereCount + s.planeCount;
        hitObject = best;
        hitT = bestT;
        return best >= 0;
    }

    /**
     * c-ray's ray_sphere: no hit when both roots are below EPSILON or both are beyond 1 (the ray's end);
     * otherwise the smaller root, a root below EPSILON replaced by the other. +infinity for no hit.
     * The ray is passed as six doubles, not a vector object: this runs per ray and object, and must not
     * allocate (hence more parameters than the style allows elsewhere).
     */
    @SuppressWarnings("checkstyle:ParameterNumber")
    private static double sphereHitT(CompiledScene s, int i, double a,
                                     double ox, double oy, double oz, double dx, double dy, double dz) {
        double fx = ox - s.sphereX[i], fy = oy - s.sphereY[i], fz = oz - s.sphereZ[i];
        double radius = s.sphereRadius[i];
        double halfB = dx * fx + dy * fy + dz * fz;
        double c = fx * fx + fy * fy + fz * fz - radius * radius;
        double disc = halfB * halfB - a * c;
        if (disc < 0) {
            return NO_HIT;
        }
        double sq = Math.sqrt(disc);
        double t1 = (-halfB + sq) / a;
        double t2 = (-halfB - sq) / a;
        if ((t1 < EPSILON && t2 < EPSILON) || (t1 > 1 && t2 > 1)) {
            return NO_HIT;
        }
        if (t1 < EPSILON) {
            t1 = t2;
        }
        if (t2 < EPSILON) {
            t2 = t1;
        }
        return Math.min(t1, t2);
    }

    /** A plane is hit once, at t in [EPSILON, 1]; +infinity otherwise (also for rays parallel to it). */
    private static double planeHitT(CompiledScene s, int p, double ox, double oy, double oz,
                                    double dx, double dy, double dz) {
        double nx = s.planeNx[p], ny = s.planeNy[p], nz = s.planeNz[p];
        double denom = nx * dx + ny * dy + nz * dz;
        double t = (s.planeD[p] - (nx * ox + ny * oy + nz * oz)) / denom;
        return t >= EPSILON && t <= 1 ? t : NO_HIT;
    }

    /** Whether any object lies on the segment from the point to the light (t in c-ray's range). */
    private static boolean blocked(CompiledScene s, double ox, double oy, double oz,
                                   double dx, double dy, double dz, RayCounts counts) {
        double a = dx * dx + dy * dy + dz * dz;
        for (int i = 0; i < s.sphereCount; i++) {
            counts.intersectionTests++;
            if (sphereHitT(s, i, a, ox, oy, oz, dx, dy, dz) != NO_HIT) {
                return true;
            }
        }
        for (int p = 0; p < s.planeCount; p++) {
            counts.intersectionTests++;
            if (planeHitT(s, p, ox, oy, oz, dx, dy, dz) != NO_HIT) {
                return true;
            }
        }
        return false;
    }
}
