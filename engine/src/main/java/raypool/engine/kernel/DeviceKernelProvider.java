package raypool.engine.kernel;

import java.util.List;

/**
 * A kernel that runs on a compute device through a native API (OpenCL), supplied by a module the engine
 * does not depend on and found with {@link java.util.ServiceLoader}. That keeps native libraries out of the
 * engine: without the module, or without the native platform, every other kernel still works.
 */
public interface DeviceKernelProvider {

    /** The kernel's command-line name, as {@link KernelKind#label()}. */
    String name();

    /**
     * The devices this provider can use, numbered as {@link #open(int)} expects.
     *
     * @throws KernelUnavailableException when the native platform is missing, with what to install
     */
    List<ComputeDevice> devices();

    /**
     * Opens device {@code index} and prepares the kernel on it (for OpenCL: context and compiled program).
     *
     * @throws KernelUnavailableException when the platform is missing or there is no such device
     */
    KernelFactory open(int index);
}
