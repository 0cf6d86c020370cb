package raypool.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    record Outcome(int status, String out, String err) {
    }

    static Outcome run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = RayBench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void smallRunWritesJsonCsvAndPngWithTheContractFields(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("run.json");
        Path png = dir.resolve("frame.png");
        Outcome o = run("--size", "96x64", "--threads", "2", "--frames", "4", "--warmup", "0",
            "--policy", "interleaved", "--json", json.toString(), "--png", png.toString());
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
