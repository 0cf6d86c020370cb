package raypool.opencl;

import raypool.engine.kernel.KernelUnavailableException;

/**
 * The device's OpenCL C compiler rejected the kernel source. The message holds the compiler's build log
 * and, for each line the log points at, that line of the source: compilers number lines but do not
 * always quote them, and the source came from a resource the user cannot see.
 */
public final class OpenClBuildException extends KernelUnavailableException {

    private final String buildLog;

    OpenClBuildException(String sourceName, String device, String options, String buildLog, String source) {
        super("the OpenCL compiler of " + device + " rejected " + sourceName + " (options: " + options + ")"
            + System.lineSeparator() + "build log:" + System.lineSeparator() + buildLog.strip()
            + BuildLogLines.quote(buildLog, source, sourceName));
        this.buildLog = buildLog;
    }

    public String buildLog() {
        return buildLog;
    }
}
