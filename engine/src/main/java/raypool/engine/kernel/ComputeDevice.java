package raypool.engine.kernel;

/**
 * One device a {@link DeviceKernelProvider} can render on, as listed by {@code raybench --list-devices}.
 *
 * @param index          the number {@code --device} takes
 * @param platform       the platform (driver) name and version, e.g. "Portable Computing Language (OpenCL 3.0 PoCL 3.1)"
 * @param name           the device's own name
 * @param type           CPU, GPU, ACCELERATOR, ...
 * @param computeUnits   parallel compute units (cores on a CPU device)
 * @param globalMemBytes global memory size in bytes
 * @param doublePrecision whether the device computes in double (OpenCL cl_khr_fp64)
 */
public record ComputeDevice(int index, String platform, String name, String type, int computeUnits,
                            long globalMemBytes, boolean doublePrecision) {

    /** One line for a device listing. */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%d: %s | %s | %s, %d compute units, %d MiB, %s",
            index, platform, name, type, computeUnits, globalMemBytes >> 20,
            doublePrecision ? "fp64" : "fp32 only");
    }
}
