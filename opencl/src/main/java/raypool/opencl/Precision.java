package raypool.opencl;

import raypool.engine.kernel.KernelUnavailableException;

import java.util.Locale;

/**
 * The arithmetic the kernel computes in. Double is the default wherever the device has it (cl_khr_fp64:
 * CPU devices, most desktop GPUs), because the reference kernel is double and float leaves hit points
 * ~1e-5 inside spheres, where c-ray's 1e-6 self-intersection margin turns them into shadow acne.
 * Float is there for devices without double, and to measure what double costs; its image is not
 * expected to verify.
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
