package raypool.opencl;

import raypool.engine.kernel.ComputeDevice;
import raypool.engine.kernel.DeviceKernelProvider;
import raypool.engine.kernel.KernelFactory;

import java.util.List;

/** Makes the OpenCL kernel available to the engine's {@code KernelKind.OPENCL} (registered in META-INF/services). */
public final class OpenClKernelProvider implements DeviceKernelProvider {

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public List<ComputeDevice> devices() {
        return OpenClPlatforms.devices().stream().map(OpenClPlatforms.Device::info).toList();
    }

    @Override
    public KernelFactory open(int index) {
        return OpenClSession.open(index);
    }
}
