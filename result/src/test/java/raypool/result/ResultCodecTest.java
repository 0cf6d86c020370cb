package raypool.result;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultCodecTest {

    static RaybenchResult sample() {
        var frame = new RaybenchResult.CheckedFrame(99, true, 155, 0.9998, "ab");
        return RaybenchResult.builder()
            .scene("five", "five").size(800, 600)
            .kernel("simd", "simd", Optional.of("avx2-8")).policy("dynamic").threads(2)
            .frames(100, new RaybenchResult.Warmup(21, true))
            .timing(new RaybenchResult.Fps(266.65, 98.22, 275.14), new RaybenchResult.FrameMs(3.74, 7.27, 9.19, 10.18),
                new RaybenchResult.CpuMs(3.65, 7.24), 273.87, 1.006)
            .work(693.05, 2_597_000, new RaybenchResult.Rays(1, 2, 3, 4, 5))
            .flops(new RaybenchResult.Gflops(0.321, 85, 87.85, "model"),
                new RaybenchResult.Peak(225.5, "measured", 2, Optional.of("fma"), Optional.of(18), Optional.of(220.0),
                    Optional.of(230.0), Optional.of(0.044)), 0.195)
            .vectorApi(new RaybenchResult.VectorApi(8, true, Optional.empty()))
            .gc(new RaybenchResult.Gc(0, 0))
            .image(new RaybenchResult.Image("ab", true, 155, 0.9998, "cd", 99, Optional.of(3), Optional.of(3),
                List.of(frame)))
            .host(new RaybenchResult.Host("AMD EPYC", 2, "jvm", List.of("-Xmx1g"), "Linux", Optional.of("box"),
                Optional.empty(), Optional.of("amd-epyc-avx2-2cpu")))
            .provenance("abc", false, "2026-12-02T10:00:00Z")
            .sweep(List.of(new RaybenchResult.SweepPoint(1, 137, 139, 1, 1, 1, Optional.of(true), Optional.of(3),
                List.of(frame))))
            .build();
    }

    @Test
    void writesAndReadsBackTheSameResult(@TempDir Path dir) throws Exception {
        RaybenchResult r = sample();
        Path file = dir.resolve("r.json");
        Files.write(file, ResultCodec.toBytes(r));
        assertEquals(r, ResultCodec.read(file));
        String json = Files.readString(file);
        assertTrue(json.contains("\"mrays_per_s\" : 693.05"), json);
        assertTrue(json.contains("\"kernel_isa\" : \"avx2-8\""), json);
        assertFalse(json.contains("xen_host_uuid"), "absent optional fields are left out");
        for (String contract : java.util.List.of("\"per_s_wall\"", "\"per_s_cpu\"", "\"fraction_within_2\"",
            "\"fps_from_cpu\"", "\"slowest_thread_median\"", "\"frames_verified\"", "\"logical_cpus\"")) {
            assertTrue(json.contains(contract), contract + " in " + json);
        }
    }

    @Test
    void readsResultsWrittenBeforeTheNewerFields() throws Exception {
        RaybenchResult r = ResultCodec.read(resource("older-xeon-sweep.json"));
        assertEquals("simd", r.kernel());
        assertEquals("Intel(R) Xeon(R) Processor", r.host().cpuModel());
        assertEquals(Optional.empty(), r.kernelIsa());
        assertEquals(Optional.empty(), r.image().framesVerified());
        assertEquals(1, r.image().framesVerifiedOrLast());
        assertEquals(2, r.sweep().size());
        assertTrue(r.fps().median() > 0);
    }

    @Test
    void namesTheFileAndLineOfBadJson(@TempDir Path dir) throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\n  \"kernel\": \"simd\",\n  \"fps\": [\n");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> ResultCodec.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ":"), e.getMessage());
        Path other = Files.writeString(dir.resolve("other.json"), "{\"policy\": \"thr-mmt\"}");
        assertTrue(assertThrows(ResultFormatException.class, () -> ResultCodec.read(other)).getMessage()
            .contains("not a raybench result"));
        assertTrue(assertThrows(ResultFormatException.class, () -> ResultCodec.read(dir.resolve("none.json")))
            .getMessage().contains("no such file"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ResultCodecTest.class.getResource(name).toURI());
    }
}
