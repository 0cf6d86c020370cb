package raypool.opencl;

import raypool.engine.kernel.KernelUnavailableException;

import java.util.Locale;

/**
 * The arithmetic the kernel computes in. Double is the default wherever the device has it (cl_khr_fp64:
 * CPU devices, most desktop GPUs): it does what the double reference kernel does, operation for
 * operation, and on PoCL its frames are bit-identical to the reference. Float is for devices without
 * double (many GPUs run it much faster): c-ray's rules done in float leave hit points ~1e-5 inside
 * spheres, where its 1e-6 self-intersection margin turns them into shadow acne on ~19% of pixels, so
 * the float kernel knows which object a ray leaves and uses cancellation-free roots (see raypool.cl);
 * its frames then verify (on PoCL ~0.013% of pixels differ by more than 2, at shadow and silhouette edges).
 */
public enum Precision {
    DOUBLE,
    FLOAT;

    /** System property that forces a precision: {@code -Draypool.opencl.precision=float}. */
    public static final String PROPERTY = "raypool.opencl.precision";

    /** The forced precision if the property is set, else double when the device has it. */
    static Precision choose(boolean deviceHasDouble) {
        String forced = System.getProperty(PROPERTY);
        if (forced == null || forced.isBlank()) {
            return deviceHasDouble ? DOUBLE : FLOAT;
        }
        Precision p;
        try {
            p = valueOf(forced.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new KernelUnavailableException("-D" + PROPERTY + "=" + forced + ": expected double or float");
        }
        if (p == DOUBLE && !deviceHasDouble) {
            throw new KernelUnavailableException("-D" + PROPERTY + "=double, but the device has no cl_khr_fp64");
        }
        return p;
    }
}
