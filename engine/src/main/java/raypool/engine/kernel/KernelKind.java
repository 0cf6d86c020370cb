package raypool.engine.kernel;

import java.util.Locale;
import java.util.function.Supplier;

/** The kernels raybench can run, by their command-line names. */
public enum KernelKind {
    /** One ray at a time in double precision: the reference every other kernel is verified against. */
    SCALAR(ScalarKernel::new),
    /** Packets of FloatVector.SPECIES_PREFERRED pixels in float on the Vector API; verified against SCALAR. */
    SIMD(SimdKernel::new);

    private final Supplier<Kernel> factory;

    KernelKind(Supplier<Kernel> factory) {
        this.factory = factory;
    }

    /** A new kernel instance: one per worker thread. */
    public Kernel newKernel() {
        return factory.get();
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
