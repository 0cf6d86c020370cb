package raypool.opencl;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** OpenCL C source kept as a resource of this module, so that it is edited and reviewed as C, not as a Java string. */
record KernelSource(String name, String text) {

    /** The ray-tracing kernel: raypool/opencl/raypool.cl. */
    static KernelSource raytracer() {
        return resource("raypool.cl");
    }

    static KernelSource resource(String name) {
        try (InputStream in = KernelSource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + name + " is missing from the raypool-opencl jar");
            }
            return new KernelSource(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel source " + name, e);
        }
    }
}
