package raypool.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.bench.testing.Commands.Outcome;
import raypool.engine.kernel.KernelKind;
import raypool.engine.kernel.KernelUnavailableException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * raybench with --kernel opencl, --device and --list-devices. Like the opencl module's tests these need
 * an OpenCL platform and fail without one (CI installs PoCL), unless RAYPOOL_OPENCL_OPTIONAL=1 is set;
 * the missing-platform test itself needs only the ICD loader, since it hides the platforms.
 */
class RayBenchOpenClTest {

    @BeforeAll
    static void platform() {
        try {
            KernelKind.OPENCL.devices();
        } catch (KernelUnavailableException e) {
            if ("1".equals(System.getenv("RAYPOOL_OPENCL_OPTIONAL"))) {
                abort(e.getMessage() + " (RAYPOOL_OPENCL_OPTIONAL=1: OpenCL tests skipped)");
            }
            fail(e.getMessage() + " (set RAYPOOL_OPENCL_OPTIONAL=1 to skip the OpenCL tests on a machine without OpenCL)");
        }
    }

    @Test
    void openclRunVerifiesAgainstScalarAndNamesItsDevice(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("opencl.json");
        Outcome o = RayBenchCommandTest.run("--kernel", "opencl", "--device", "0", "--size", "96x64", "--threads", "2",
            "--policy", "interleaved", "--frames", "3", "--warmup", "0", "--json", json.toString());
        assertEquals(0, o.status(), o.err());
        String device = KernelKind.OPENCL.devices().getFirst().name();
        assertTrue(o.out().contains("device    opencl: " + device), o.out());
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertEquals("opencl", r.get("kernel").asText());
        assertTrue(r.get("kernel_device").asText().contains(device), r.toString());
        assertTrue(r.get("image").get("verified").asBoolean());
        assertEquals(3L * 96 * 64, r.get("rays").get("primary").asLong());
        assertTrue(r.get("cpu_ms").get("all_threads_median").asDouble() > 0, "process CPU time per frame");
    }

    @Test
    void listDevicesPrintsPlatformDeviceComputeUnitsAndMemory() {
        Outcome o = RayBenchCommandTest.run("--list-devices");
        assertEquals(0, o.status(), o.err());
        var d = KernelKind.OPENCL.devices().getFirst();
        assertTrue(o.out().contains("  0: " + d.platform() + " | " + d.name() + " | " + d.type() + ", "
            + d.computeUnits() + " compute units, "), o.out());
        assertTrue(o.out().contains(" MiB"), o.out());
    }

    @Test
    void badDeviceIndexExits2AndListsTheDevices() {
        Outcome o = RayBenchCommandTest.run("--kernel", "opencl", "--device", "99", "--frames", "1");
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("raybench: --device: no opencl device 99; this host has "), o.err());
        assertTrue(o.err().contains(KernelKind.OPENCL.devices().getFirst().name()), o.err());
        assertEquals("", o.out());
    }

    @Test
    void deviceWithAnInProcessKernelIsBadInput() {
        Outcome o = RayBenchCommandTest.run("--kernel", "scalar", "--device", "0", "--frames", "1");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("--device: only with a device kernel"), o.err());
    }

    @Test
    void viewAndGifAreForInProcessKernels(@TempDir Path dir) {
        Outcome o = RayBenchCommandTest.run("--kernel", "opencl", "--gif", dir.resolve("a.gif").toString(), "--frames", "2");
        assertEquals(2, o.status());
        assertTrue(o.err().contains("--gif: renders with an in-process kernel"), o.err());
        assertFalse(Files.exists(dir.resolve("a.gif")));
    }

    @Test
    void noPlatformExits2SayingWhatToInstall() throws Exception {
        Path emptyVendors = Files.createTempDirectory("no-opencl-vendors");
        try {
            for (String[] args : new String[][] {{"--kernel", "opencl", "--frames", "1"}, {"--list-devices"}}) {
                var r = raybenchInChildJvm(emptyVendors, args);
                assertEquals(2, r.exit(), r.output());
                assertTrue(r.output().contains("raybench: no OpenCL platform: install pocl-opencl-icd"), r.output());
                assertFalse(r.output().contains("Exception"), r.output());
            }
        } finally {
            Files.delete(emptyVendors);
        }
    }

    record ChildResult(int exit, String output) {
    }

    /** raybench's main in a child JVM whose ICD loader (ocl-icd) looks for platforms in an empty directory. */
    private static ChildResult raybenchInChildJvm(Path vendors, String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("--add-modules=jdk.incubator.vector");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(RayBench.class.getName());
        command.addAll(java.util.List.of(args));
        var pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OCL_ICD_VENDORS", vendors.toString());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "raybench did not finish");
        return new ChildResult(p.exitValue(), output);
    }
}
