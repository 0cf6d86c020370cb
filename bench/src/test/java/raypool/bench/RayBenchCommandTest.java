package raypool.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import raypool.bench.testing.Commands;
import raypool.bench.testing.Commands.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The raybench command end to end: a tiny real run, and every kind of bad input. */
class RayBenchCommandTest {

    static Outcome run(String... args) {
        return Commands.raybench(args);
    }

    @Test
    void smallRunWritesJsonCsvAndPngWithTheContractFields(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("run.json");
        Path png = dir.resolve("frame.png");
        Outcome o = run("--size", "96x64", "--threads", "2", "--frames", "4", "--warmup", "0",
            "--policy", "interleaved", "--kernel", "scalar", "--peak-gflops-per-core", "100",
            "--json", json.toString(), "--png", png.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("VERIFIED"), o.out());
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        for (String field : List.of("scene", "width", "height", "kernel", "policy", "threads", "frames", "fps",
            "frame_ms", "mrays_per_s", "rays_per_frame", "imbalance", "image", "host", "git_commit", "timestamp")) {
            assertTrue(r.has(field), "JSON lacks " + field);
        }
        for (String field : List.of("median", "min", "max")) {
            assertTrue(r.get("fps").get(field).asDouble() > 0, "fps." + field);
        }
        for (String field : List.of("p50", "p90", "p99", "max")) {
            assertTrue(r.get("frame_ms").get(field).asDouble() > 0, "frame_ms." + field);
        }
        assertEquals("five", r.get("scene").asText());
        assertEquals(96, r.get("width").asInt());
        assertEquals("interleaved", r.get("policy").asText());
        assertEquals(4, r.get("frames").asInt());
        assertTrue(r.get("image").get("verified").asBoolean());
        assertEquals(0, r.get("image").get("max_channel_diff").asInt());
        assertEquals(64, r.get("image").get("sha256").asText().length());
        assertTrue(r.get("host").get("logical_cpus").asInt() >= 1);
        assertFalse(r.get("host").get("cpu_model").asText().isBlank());
        long rays = r.get("rays_per_frame").asLong();
        assertTrue(rays > 96 * 64, "at least one primary ray per pixel plus shadows, got " + rays);
        assertTrue(Files.size(png) > 100);
        List<String> csv = Files.readAllLines(dir.resolve("run.csv"));
        assertEquals(2, csv.size());
        assertTrue(csv.get(0).startsWith("timestamp,git_commit"));
        assertNoTemporaryFiles(dir);
        assertTrue(Files.getPosixFilePermissions(json).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
            "results are readable by others, not owner-only like a temporary file");
    }

    @Test
    void defaultKernelIsSimdVerifiedWithGflopsAgainstTheGivenPeak(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("simd.json");
        Outcome o = run("--size", "161x120", "--threads", "2", "--frames", "3", "--warmup", "0",
            "--peak-gflops-per-core", "50", "--json", json.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("GFLOP/s"), o.out());
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertEquals("simd", r.get("kernel").asText());
        assertTrue(r.get("kernel_isa").asText().matches("[a-z0-9_]+-\\d+"), r.get("kernel_isa").asText());
        assertTrue(r.get("image").get("verified").asBoolean());
        assertEquals(3, r.get("image").get("frames_verified").asInt(), "first, middle and last frames");
        assertEquals(List.of(0, 1, 2), r.get("image").get("frames").findValuesAsText("frame_index").stream()
            .map(Integer::parseInt).toList());
        assertTrue(r.get("image").get("fraction_within_2").asDouble() >= 0.999);
        double perFrame = r.get("gflops").get("per_frame").asDouble();
        // ~700 flops per pixel on five (FlopModel): 161 x 120 pixels.
        assertEquals(700e-9 * 161 * 120, perFrame, 0.25 * 700e-9 * 161 * 120);
        assertEquals("given", r.get("peak_gflops").get("source").asText());
        assertEquals(50, r.get("peak_gflops").get("per_core").asDouble(), 1e-9);
        assertEquals(r.get("gflops").get("per_s_cpu").asDouble() / (50 * 2), r.get("fraction_of_peak").asDouble(), 1e-3);
        assertTrue(r.get("vector_api").get("float_lanes").asInt() >= 1);
    }

    @Test
    void sweepReportsOnePointPerThreadCountStartingAtSpeedupOne(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("sweep.json");
        Outcome o = run("--size", "64x48", "--threads", "3", "--frames", "3", "--warmup", "0", "--sweep",
            "--json", json.toString());
        assertEquals(0, o.status(), o.err());
        JsonNode sweep = new ObjectMapper().readTree(json.toFile()).get("sweep");
        assertEquals(3, sweep.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, sweep.get(i).get("threads").asInt());
            assertTrue(sweep.get(i).get("efficiency").asDouble() > 0);
        }
        assertEquals(1.0, sweep.get(0).get("speedup").asDouble(), 1e-9);
        for (JsonNode point : sweep) {
            assertTrue(point.get("verified").asBoolean());
            assertEquals(3, point.get("frames_verified").asInt(), "every thread count's frames are checked");
        }
        assertEquals(9, new ObjectMapper().readTree(json.toFile()).get("image").get("frames_verified").asInt());
        assertEquals(4, Files.readAllLines(dir.resolve("sweep.csv")).size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        size without x         | --size 800by600            | --size
        size zero              | --size 0x600               | --size
        threads zero           | --threads 0                | --threads
        threads not a number   | --threads many             | --threads
        unknown policy         | --policy random            | --policy
        unknown kernel         | --kernel quantum           | --kernel
        negative peak          | --peak-gflops-per-core -1  | --peak-gflops-per-core
        no frames              | --frames 0                 | --frames
        negative warm-up       | --warmup -1                | --warmup
        unknown option         | --colour red               | --colour
        missing scene file     | --scene /nonexistent/x.scn | /nonexistent/x.scn
        """)
    void badOptionsExitTwoWithAMessageNamingTheOptionAndWriteNothing(String name, String args, String named,
                                                                     @TempDir Path dir) throws IOException {
        Path json = dir.resolve("r.json");
        List<String> argv = new ArrayList<>(List.of(args.split(" ")));
        argv.addAll(List.of("--json", json.toString(), "--png", dir.resolve("f.png").toString()));
        Outcome o = run(argv.toArray(String[]::new));
        assertEquals(2, o.status(), o.out() + o.err());
        assertTrue(o.err().contains(named), o.err());
        assertTrue(o.err().lines().count() <= 2, "one clear message, got: " + o.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing written on bad input");
        }
    }

    @Test
    void outputPathsAreCheckedBeforeTheRun(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Outcome folderAsJson = run("--size", "32x24", "--frames", "1", "--json", dir.toString());
        assertEquals(2, folderAsJson.status(), folderAsJson.err());
        assertTrue(folderAsJson.err().contains("--json: " + dir + " is a folder"), folderAsJson.err());
        Outcome fileAsPlots = run("--size", "32x24", "--frames", "1", "--plots", file.toString());
        assertEquals(2, fileAsPlots.status());
        assertTrue(fileAsPlots.err().contains("--plots: " + file + " is a file"), fileAsPlots.err());
        Outcome underAFile = run("--size", "32x24", "--frames", "1", "--png", file.resolve("f.png").toString());
        assertEquals(2, underAFile.status());
        assertTrue(underAFile.err().contains("--png: cannot create"), underAFile.err());
        assertFalse(underAFile.err().contains("wrote"), "nothing written, and not said to be");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the file the test made");
        }
    }

    @Test
    void saysItWroteNothingWhenAskedForNoFile() {
        Outcome o = run("--size", "32x24", "--frames", "1", "--warmup", "0", "--kernel", "scalar");
        assertEquals(0, o.status(), o.err());
        assertFalse(o.err().contains("wrote"), o.err());
        assertTrue(o.err().contains("measuring (1 frames)"), "a line per phase when stderr is no terminal: " + o.err());
    }

    @Test
    void badSceneFileNamesFileLineAndField(@TempDir Path dir) throws IOException {
        Path scene = dir.resolve("broken.scn");
        Files.writeString(scene, "# broken\nc 0 6 -20 45 0 1 0\nl -10 20 -10\ns 0 1 0 1 1 1 1 50 bright\n");
        Outcome o = run("--scene", scene.toString(), "--size", "32x24", "--frames", "1");
        assertEquals(2, o.status());
        assertTrue(o.err().contains(scene + ":4: reflectivity: not a number: 'bright'"), o.err());
    }

    @Test
    void sceneFileRendersAndVerifies(@TempDir Path dir) throws IOException {
        Path scene = dir.resolve("two.scn");
        Files.writeString(scene, "c 0 6 -20 45 0 1 0\nl -10 20 -10\ns 0 1 0 1 1 0.5 0.5 50 0.5\n"
            + "s 0 -10000 0 10000 0.5 0.5 0.5 0 0.3\n");
        Path json = dir.resolve("two.json");
        Outcome o = run("--scene", scene.toString(), "--size", "40x30", "--frames", "2", "--warmup", "0",
            "--json", json.toString());
        assertEquals(0, o.status(), o.err());
        assertEquals("two", new ObjectMapper().readTree(json.toFile()).get("scene").asText());
    }

    private static void assertNoTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
