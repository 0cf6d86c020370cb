package raypool.engine.kernel;

import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/** The kernels raybench can run, by their command-line names. */
public enum KernelKind {
    /** One ray at a time in double precision: the reference every other kernel is verified against. */
    SCALAR(ScalarKernel::new),
    /** Packets of FloatVector.SPECIES_PREFERRED pixels in float on the Vector API; verified against SCALAR. */
    SIMD(SimdKernel::new),
    /**
     * The same rules as an OpenCL C kernel on an OpenCL device, supplied by the raypool-opencl module
     * (JOCL) through {@link DeviceKernelProvider}, so that the engine itself needs no native library.
     */
    OPENCL(null);

    /** In-process kernels: a constructor. Device kernels (null here) come from a provider. */
    private final Supplier<Kernel> constructor;

    KernelKind(Supplier<Kernel> constructor) {
        this.constructor = constructor;
    }

    /** Whether this kernel runs on a device that has to be opened (and may be missing). */
    public boolean needsDevice() {
        return constructor == null;
    }

    /**
     * A new instance of an in-process kernel: one per worker thread.
     *
     * @throws IllegalStateException for a device kernel, whose instances share an opened device: use {@link #open}
     */
    public Kernel newKernel() {
        if (constructor == null) {
            throw new IllegalStateException("the " + label() + " kernel runs on a device: open it with KernelKind.open(device)");
        }
        return constructor.get();
    }

    /**
     * Opens this kernel for a run: on device {@code device} for a device kernel (see {@link #devices()}),
     * ignored otherwise. Close the factory after the run.
     *
     * @throws KernelUnavailableException when the device kernel cannot run here; the message says why
     */
    public KernelFactory open(int device) {
        if (constructor != null) {
            return KernelFactory.inProcess(label(), constructor);
        }
        return provider().open(device);
    }

    /** The devices a device kernel can use; empty for in-process kernels. */
    public List<ComputeDevice> devices() {
        return constructor == null ? provider().devices() : List.of();
    }

    private DeviceKernelProvider provider() {
        for (DeviceKernelProvider p : ServiceLoader.load(DeviceKernelProvider.class)) {
            if (p.name().equals(label())) {
                return p;
            }
        }
        throw new KernelUnavailableException("the " + label() + " kernel is not on the class path (module raypool-"
            + label() + ")");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KernelKind parse(String text) {
        for (KernelKind k : values()) {
            if (k.label().equals(text.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        StringBuilder known = new StringBuilder();
        for (KernelKind k : values()) {
            known.append(known.isEmpty() ? "" : ", ").append(k.label());
        }
        throw new IllegalArgumentException("unknown kernel '" + text + "' (available: " + known + ")");
    }
}
