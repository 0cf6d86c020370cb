// raypool's ray-tracing kernel in OpenCL C: c-ray 1.1's rules, the same as raypool.engine.kernel.ScalarKernel
// (the reference it is verified against), one work-item per pixel.
//
// Build options (set by OpenClProgram):
//   -D RAYPOOL_FP64   compute in double, exactly as the reference does, on devices with cl_khr_fp64;
//                     without it the kernel computes in float, made robust as described at
//                     sphere_hit_t below
//   -D GROUP_SIZE=n   work-items per work-group along x, a power of two: the ray counters are reduced
//                     in local memory over a work-group
//   -cl-fp32-correctly-rounded-divide-sqrt, and no -cl-fast-relaxed-math / -cl-mad-enable, so that
//   division and sqrt round like Java's.

// Java never fuses a*b+c into one rounding; contraction here would move hit points by an ulp and could
// flip shadow tests at grazing angles, so it is off to keep the image equal to the reference.
#pragma OPENCL FP_CONTRACT OFF

#ifdef RAYPOOL_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
typedef double real;
#else
typedef float real;
#endif

#define MAX_DEPTH 5
// c-ray's ERR_MARGIN: hits closer than this fraction of the ray are the surface the ray left.
#define EPSILON ((real) 1e-6)
#define REFLECTED_RAY_LENGTH ((real) 1000)
#define NO_HIT ((real) INFINITY)

// The packed scene, laid out by raypool.opencl.PackedScene (keep the two in step):
//   spheres   8 floats each: x, y, z, radius, K = |C|^2 - r^2 (computed in double), unused x3
//   planes    4 floats each: nx, ny, nz, d (= n . p for a point p on the plane)
//   lights    4 floats each: x, y, z, unused
//   materials 8 floats per object (spheres, then planes): red, green, blue, shininess, reflectivity,
//             specular cutoff, unused, unused
//   camera    12 floats: origin, base direction, step per column, step per row
#define SPHERE(i) (scene + 8 * (i))
#define PLANE(p) (scene + 8 * sphereCount + 4 * (p))
#define LIGHT(l) (scene + 8 * sphereCount + 4 * (planeCount + (l)))
#define MATERIAL(o) (scene + 8 * sphereCount + 4 * (planeCount + lightCount) + 8 * (o))
#define CAMERA (scene + 8 * sphereCount + 4 * (planeCount + lightCount) + 8 * (sphereCount + planeCount))

// Ray counters per work-item, summed over the work-group at the end (same basis as RayCounts).
#define PRIMARY 0
#define REFLECTION 1
#define SHADOW 2
#define TESTS 3
#define SHADED 4
#define COUNTERS 5

typedef struct {
    real x, y, z;
} vec;

static vec v(real x, real y, real z) {
    vec r = { x, y, z };
    return r;
}

static real dot3(vec a, vec b) {
    return a.x * b.x + a.y * b.y + a.z * b.z;
}

// c-ray's ray_sphere: no hit when both roots are below EPSILON or both beyond 1 (the ray's end);
// otherwise the smaller root, a root below EPSILON replaced by the other. NO_HIT for no hit.
//
// In double this is the reference's arithmetic, operation for operation. In float three things would
// go wrong, and are done differently:
// - the ray leaving a surface finds that surface again ~1e-5 away, beyond c-ray's 1e-6 margin
//   (shadow acne on ~19% of pixels). Where the ray starts on the sphere (isSelf) the root at the origin
//   is known to be 0, so the other root is -2 (d.f) / a, and it counts only for a ray heading inwards;
// - |o - C|^2 - r^2 cancels every digit on the floor, a sphere of radius 10000: the constant term is
//   o.o - 2 o.C + K instead, with K = |C|^2 - r^2 from the host's double arithmetic;
// - (-b - sqrt(disc)) / a cancels for the near root when b^2 >> a c: the roots are q / a and c / q
//   with q = -(b + sign(b) sqrt(disc)), the numerically stable pair.
static real sphere_hit_t(__global const float *s, real a, vec o, vec d, bool isSelf) {
    vec f = v(o.x - (real) s[0], o.y - (real) s[1], o.z - (real) s[2]);
    real halfB = dot3(d, f);
#ifdef RAYPOOL_FP64
    real radius = (real) s[3];
    real c = dot3(f, f) - radius * radius;
    real disc = halfB * halfB - a * c;
    if (disc < 0) {
        return NO_HIT;
    }
    real sq = sqrt(disc);
    real t1 = (-halfB + sq) / a;
    real t2 = (-halfB - sq) / a;
#else
    real t1, t2;
    if (isSelf) {
        t1 = t2 = halfB < 0 ? -2 * halfB / a : NO_HIT;
    } else {
        vec centre = v((real) s[0], (real) s[1], (real) s[2]);
        real c = dot3(o, o) - 2 * dot3(o, centre) + (real) s[4];
        real disc = halfB * halfB - a * c;
        if (disc < 0) {
            return NO_HIT;
        }
        real sq = sqrt(disc);
        real q = halfB >= 0 ? -(halfB + sq) : sq - halfB;
        t1 = q / a;
        t2 = c / q;
    }
#endif
    if ((t1 < EPSILON && t2 < EPSILON) || (t1 > 1 && t2 > 1)) {
        return NO_HIT;
    }
    if (t1 < EPSILON) {
        t1 = t2;
    }
    if (t2 < EPSILON) {
        t2 = t1;
    }
    return t1 < t2 ? t1 : t2;
}

// A plane is hit once, at t in [EPSILON, 1]; NO_HIT otherwise (also for rays parallel to it). In float,
// a ray leaving the plane (isSelf) does not hit it again, for the reason given at sphere_hit_t.
static real plane_hit_t(__global const float *p, vec o, vec d, bool isSelf) {
#ifndef RAYPOOL_FP64
    if (isSelf) {
        return NO_HIT;
    }
#endif
    vec n = v((real) p[0], (real) p[1], (real) p[2]);
    real t = ((real) p[3] - dot3(n, o)) / dot3(n, d);
    return t >= EPSILON && t <= 1 ? t : NO_HIT;
}

// Whether any object lies on the segment from o (on object self) to o + d.
static bool blocked(__global const float *scene, int sphereCount, int planeCount, int lightCount,
                    vec o, vec d, int self, uint *counts) {
    real a = dot3(d, d);
    for (int i = 0; i < sphereCount; i++) {
        counts[TESTS]++;
        if (sphere_hit_t(SPHERE(i), a, o, d, i == self) != NO_HIT) {
            return true;
        }
    }
    for (int p = 0; p < planeCount; p++) {
        counts[TESTS]++;
        if (plane_hit_t(PLANE(p), o, d, sphereCount + p == self) != NO_HIT) {
            return true;
        }
    }
    return false;
}

// c-ray's conversion: clamp at 1, scale by 255, truncate.
static uint channel(real c) {
    return (uint) (fmin(c, (real) 1) * (real) 255);
}

static uint trace_pixel(__global const float *scene, int sphereCount, int planeCount, int lightCount,
                        int x, int y, uint *counts) {
    __global const float *cam = CAMERA;
    vec o = v((real) cam[0], (real) cam[1], (real) cam[2]);
    vec d = v((real) cam[3] + (real) x * (real) cam[6] + (real) y * (real) cam[9],
              (real) cam[4] + (real) x * (real) cam[7] + (real) y * (real) cam[10],
              (real) cam[5] + (real) x * (real) cam[8] + (real) y * (real) cam[11]);
    real r = 0, g = 0, b = 0;
    real weight = 1;
    int from = -1; // the object the ray leaves: none for the primary ray
    counts[PRIMARY]++;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
        // Nearest hit: spheres then planes, strict < so the first of equal hits wins, as in the reference.
        int obj = -1;
        real t = NO_HIT;
        real a = dot3(d, d);
        for (int i = 0; i < sphereCount; i++) {
            real ti = sphere_hit_t(SPHERE(i), a, o, d, i == from);
            if (ti < t) {
                t = ti;
                obj = i;
            }
        }
        for (int p = 0; p < planeCount; p++) {
            real tp = plane_hit_t(PLANE(p), o, d, sphereCount + p == from);
            if (tp < t) {
                t = tp;
                obj = sphereCount + p;
            }
        }
        counts[TESTS] += sphereCount + planeCount;
        if (obj < 0) {
            break;
        }
        vec hit = v(o.x + d.x * t, o.y + d.y * t, o.z + d.z * t);
        vec n;
        if (obj < sphereCount) {
            __global const float *s = SPHERE(obj);
            real radius = (real) s[3];
            n = v((hit.x - (real) s[0]) / radius, (hit.y - (real) s[1]) / radius, (hit.z - (real) s[2]) / radius);
        } else {
            __global const float *p = PLANE(obj - sphereCount);
            n = v((real) p[0], (real) p[1], (real) p[2]);
        }
        // View reflection R = d - 2 (d.n) n, normalised: for the highlight and the mirror ray.
        real dn2 = 2 * dot3(d, n);
        vec refl = v(d.x - dn2 * n.x, d.y - dn2 * n.y, d.z - dn2 * n.z);
        real rLen = sqrt(dot3(refl, refl));
        refl = v(refl.x / rLen, refl.y / rLen, refl.z / rLen);

        counts[SHADED]++;
        __global const float *m = MATERIAL(obj);
        real shine = (real) m[3];
        real cutoff = (real) m[5];
        real lr = 0, lg = 0, lb = 0;
        for (int l = 0; l < lightCount; l++) {
            __global const float *light = LIGHT(l);
            vec toLight = v((real) light[0] - hit.x, (real) light[1] - hit.y, (real) light[2] - hit.z);
            counts[SHADOW]++;
            if (blocked(scene, sphereCount, planeCount, lightCount, hit, toLight, obj, counts)) {
                continue;
            }
            real lLen = sqrt(dot3(toLight, toLight));
            vec ldir = v(toLight.x / lLen, toLight.y / lLen, toLight.z / lLen);
            real diffuse = fmax(dot3(n, ldir), (real) 0);
            real rl = dot3(refl, ldir);
            real specular = rl > cutoff ? pow(rl, shine) : (real) 0;
            lr += diffuse * (real) m[0] + specular;
            lg += diffuse * (real) m[1] + specular;
            lb += diffuse * (real) m[2] + specular;
        }
        r += weight * lr;
        g += weight * lg;
        b += weight * lb;

        real reflectivity = (real) m[4];
        if (reflectivity <= 0 || depth + 1 >= MAX_DEPTH) {
            break;
        }
        weight *= reflectivity;
        from = obj;
        o = hit;
        d = v(refl.x * REFLECTED_RAY_LENGTH, refl.y * REFLECTED_RAY_LENGTH, refl.z * REFLECTED_RAY_LENGTH);
        counts[REFLECTION]++;
    }
    return 0xFF000000u | channel(r) << 16 | channel(g) << 8 | channel(b);
}

// Renders rows rowFrom, rowFrom + rowStep, ... (rowCount of them), one work-item per pixel, into
// pixels[row index * width + x] (the stripe's rows packed; the host reads them back into the frame's
// rows). The global size along x is width rounded up to GROUP_SIZE; the extra work-items trace nothing
// but take part in the reduction. Each work-group writes its ray counters to
// groupCounts[COUNTERS * group + counter]: a few thousand partial sums the host adds up, instead of
// hundreds of thousands of per-pixel counters or global atomics.
__kernel __attribute__((reqd_work_group_size(GROUP_SIZE, 1, 1)))
void render(__global const float *scene, int sphereCount, int planeCount, int lightCount,
            int width, int rowFrom, int rowStep,
            __global uint *pixels, __global uint *groupCounts) {
    __local uint partial[COUNTERS][GROUP_SIZE];
    int x = get_global_id(0);
    int rowIndex = get_global_id(1);
    int lid = get_local_id(0);
    uint counts[COUNTERS] = { 0, 0, 0, 0, 0 };
    if (x < width) {
        int y = rowFrom + rowIndex * rowStep;
        pixels[rowIndex * width + x] = trace_pixel(scene, sphereCount, planeCount, lightCount, x, y, counts);
    }
    for (int k = 0; k < COUNTERS; k++) {
        partial[k][lid] = counts[k];
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int stride = GROUP_SIZE / 2; stride > 0; stride >>= 1) {
        if (lid < stride) {
            for (int k = 0; k < COUNTERS; k++) {
                partial[k][lid] += partial[k][lid + stride];
            }
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (lid == 0) {
        int group = get_group_id(1) * get_num_groups(0) + get_group_id(0);
        for (int k = 0; k < COUNTERS; k++) {
            groupCounts[COUNTERS * group + k] = partial[k][0];
        }
    }
}
