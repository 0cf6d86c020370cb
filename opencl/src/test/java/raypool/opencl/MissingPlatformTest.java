package raypool.opencl;

import org.junit.jupiter.api.Test;
import raypool.engine.kernel.KernelKind;
import raypool.engine.kernel.KernelUnavailableException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A machine without an OpenCL driver, simulated in a child JVM: the ICD loader (ocl-icd) is pointed at
 * an empty vendor directory with OCL_ICD_VENDORS, so it finds no platform, as on a fresh install.
 * The child is {@link Probe}, which does what raybench does with the error.
 */
class MissingPlatformTest {

    @Test
    void noPlatformSaysWhatToInstallAndExits2() throws Exception {
        Path emptyVendors = Files.createTempDirectory("no-opencl-vendors");
        try {
            Result r = runProbe(emptyVendors);
            assertEquals(2, r.exit, r.output);
            assertTrue(r.output.contains("no OpenCL platform: install pocl-opencl-icd"), r.output);
        } finally {
            Files.delete(emptyVendors);
        }
    }

    record Result(int exit, String output) {
    }

    private static Result runProbe(Path vendors) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The engine's kernels include the Vector API's, so the child needs the incubator module like every raypool JVM.
        var pb = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector",
            "-cp", System.getProperty("java.class.path"), Probe.class.getName())
            .redirectErrorStream(true);
        pb.environment().put("OCL_ICD_VENDORS", vendors.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
        return new Result(p.exitValue(), output);
    }

    /** Lists OpenCL devices, or prints why it cannot and exits 2: raybench's handling in miniature. */
    public static final class Probe {
        public static void main(String[] args) {
            try {
                KernelKind.OPENCL.devices().forEach(d -> System.out.println(d.describe()));
            } catch (KernelUnavailableException e) {
                System.err.println("raybench: " + e.getMessage());
                System.exit(2);
            }
        }
    }
}
