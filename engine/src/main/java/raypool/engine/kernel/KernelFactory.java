package raypool.engine.kernel;

import java.util.function.Supplier;

/**
 * Makes the per-thread {@link Kernel} instances of one run. A device kernel opens its device, context and
 * compiled program once here and shares them among the kernels it makes; closing the factory releases
 * them, and with them every kernel it made. In-process kernels hold nothing and close as a no-op.
 */
public interface KernelFactory extends AutoCloseable {

    /** A new kernel for one worker thread. */
    Kernel newKernel();

    /** What renders, for result files and summaries: "scalar", or the device's platform and name. */
    String description();

    @Override
    void close();

    /** A factory for kernels that need nothing but a constructor. */
    static KernelFactory inProcess(String description, Supplier<Kernel> constructor) {
        return new KernelFactory() {
            @Override
            public Kernel newKernel() {
                return constructor.get();
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void close() {
            }
        };
    }
}
