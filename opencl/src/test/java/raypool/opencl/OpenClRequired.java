package raypool.opencl;

import raypool.engine.kernel.KernelUnavailableException;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The tests' rule for a machine without OpenCL: they fail, because ./scripts/test installs PoCL (through
 * scripts/lib/deps.sh) and a silently skipped kernel test is a kernel nobody tested. Where it cannot
 * install, scripts/test says so and sets RAYPOOL_OPENCL_OPTIONAL=1 (never under CI=true), and the tests
 * then report themselves skipped with the reason.
 */
final class OpenClRequired {

    static final String OPT_OUT = "RAYPOOL_OPENCL_OPTIONAL";

    private OpenClRequired() {
    }

    /** Opens device 0, or fails (or skips, when opted out) with what is missing. */
    static OpenClSession openDevice0() {
        try {
            return OpenClSession.open(0);
        } catch (KernelUnavailableException e) {
            return unavailable(e);
        }
    }

    /** Checks that a platform with a device exists, as {@link #openDevice0()} does. */
    static void platformPresent() {
        try {
            OpenClPlatforms.devices();
        } catch (KernelUnavailableException e) {
            unavailable(e);
        }
    }

    static <T> T unavailable(KernelUnavailableException e) {
        if ("1".equals(System.getenv(OPT_OUT))) {
            abort(e.getMessage() + " (" + OPT_OUT + "=1: OpenCL tests skipped)");
        }
        return fail(e.getMessage() + " (set " + OPT_OUT + "=1 to skip the OpenCL tests on a machine without OpenCL)", e);
    }
}
