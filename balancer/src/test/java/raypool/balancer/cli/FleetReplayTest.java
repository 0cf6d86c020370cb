package raypool.balancer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code balancer replay --fleet FILE}: a measured fleet replayed, and every way a fleet file can be wrong. */
@Timeout(120)
class FleetReplayTest {
    @TempDir
    static Path dir;
    static Path day;
    private static final AtomicInteger FILES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SLOW = "slow.json";
    static final String FAST = "fast.json";

    static String result(int threads, double fpsFromCpu, String kernel, boolean verified) {
        return """
                {"scene": "five", "width": 800, "height": 600, "kernel": "%s", "policy": "dynamic", "threads": %d,
                 "fps": {"median": 1.0}, "fps_from_cpu": %s, "image": {"verified": %s},
                 "host": {"cpu_model": "Test CPU", "logical_cpus": %d}}""".formatted(kernel, threads, fpsFromCpu,
                verified, threads);
    }

    /** A group of {@code count} hosts measured by {@code raybench}, 32 GiB and a linear power curve each. */
    static String group(String name, String raybench, String count) {
        return "{\"name\": \"%s\", \"count\": %s, \"raybench\": \"%s\", \"memory_gib\": 32, \"power_watts\": [50, 70]}"
                .formatted(name, count, raybench);
    }

    static final String GOOD = "{\"groups\": [" + group("slow", SLOW, "3") + ", "
            + group("fast", FAST, "3").replace("[50, 70]", "[93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135]") + "]}";

    @BeforeAll
    static void writeADayAndResults() throws IOException {
        day = Files.createDirectories(dir.resolve("20110303"));
        int[] levels = {5, 20, 60, 35};
        for (int vm = 0; vm < levels.length; vm++) {
            StringBuilder lines = new StringBuilder();
            for (int k = 0; k < 288; k++) {
                lines.append((levels[vm] + k % 7) % 100).append('\n');
            }
            Files.writeString(day.resolve("vm" + vm), lines);
        }
        Files.writeString(dir.resolve(SLOW), result(1, 50, "simd", true));
        Files.writeString(dir.resolve(FAST), result(2, 200, "simd", true));
        Files.writeString(dir.resolve("scalar.json"), result(2, 20, "scalar", true));
        Files.writeString(dir.resolve("unverified.json"), result(2, 200, "simd", false));
        Files.writeString(dir.resolve("broken.json"), "{\"threads\": ");
        Files.createDirectories(dir.resolve("a-directory.json"));
    }

    static Path fleet(String text) throws IOException {
        return Files.writeString(dir.resolve("fleet-" + FILES.incrementAndGet() + ".json"), text);
    }

    @Test
    void aMeasuredFleetReplaysUnderBothRulesAndSaysWhereEachCapacityCameFrom() throws IOException {
        Path fleet = fleet(GOOD);
        for (String rules : new String[] {"raypool", "cloudsim"}) {
            for (String capacity : new String[] {"measured", "threads"}) {
                Path out = dir.resolve("replay-" + rules + "-" + capacity + ".json");
                BalancerMainTest.Result r = BalancerMainTest.run("replay", "--trace-dir", day.toString(), "--policy",
                        "thr-mmt", "--rules", rules, "--fleet", fleet.toString(), "--cpu-capacity", capacity,
                        "--json", out.toString());
                assertEquals(0, r.status(), r::toString);
                assertTrue(r.out().contains("energy lower bound: "), r.out());
                JsonNode j = JSON.readTree(out.toFile());
                assertEquals(6, j.path("hosts").asInt());
                assertEquals(4, j.path("vms").asInt());
                JsonNode f = j.path("fleet");
                assertEquals(fleet.toString(), f.path("source").asText());
                assertEquals(capacity, f.path("cpu_capacity").asText());
                JsonNode slow = f.path("groups").get(0);
                JsonNode fast = f.path("groups").get(1);
                assertEquals(SLOW, slow.path("raybench").asText());
                assertEquals(dir.resolve(SLOW).toString(), slow.path("raybench_file").asText());
                // 3 x 50 + 3 x 200 frames/s on 3 x 1 + 3 x 2 threads: 83.33 per thread is 2660 MIPS
                double perThread = 750 / 9.0;
                assertEquals(2660 * 50 / perThread, slow.path("mips_per_thread").asDouble(), 1e-9);
                assertEquals(2660 * 100 / perThread, fast.path("mips_per_thread").asDouble(), 1e-9);
                assertEquals(2 * fast.path("mips_per_thread").asDouble(), fast.path("capacity_mips").asDouble(), 1e-9);
                assertEquals(capacity.equals("threads") ? 2660 : slow.path("mips_per_thread").asDouble(),
                        slow.path("planned_mips_per_thread").asDouble(), 1e-9);
                assertEquals(11, slow.path("power_watts").size(), "two points expanded to the curve");
                assertEquals(60, slow.path("power_watts").get(5).asDouble(), 1e-9);
                double bound = j.path("energy_lower_bound_kwh").asDouble();
                assertTrue(bound > 0, j::toString);
                assertEquals(j.path("energy_kwh").asDouble() / bound, j.path("energy_vs_bound").asDouble(), 1e-12);
                assertTrue(j.path("hosts_over_capacity").isInt(), j::toString);
                int placed = 0;
                for (var e : (Iterable<java.util.Map.Entry<String, JsonNode>>) j.path("placed_vms_per_host")::fields) {
                    placed += Integer.parseInt(e.getKey()) * e.getValue().asInt();
                }
                assertEquals(4, placed, "every VM placed, counted by host: " + j.path("placed_vms_per_host"));
                double on = slow.path("host_hours_on").asDouble() + fast.path("host_hours_on").asDouble();
                assertTrue(on > 0 && on <= 6 * 24, "host-hours on, by group: " + on);
                assertTrue(j.has("policy") && j.has("slatah") && j.has("decision_ms") && j.has("wall_s"), "contract kept");
            }
        }
    }

    @Test
    void withoutAFleetTheReferenceHostsAreKeptAndSaid() throws IOException {
        Path out = dir.resolve("reference.json");
        BalancerMainTest.Result r = BalancerMainTest.run("replay", "--trace-dir", day.toString(), "--policy", "none",
                "--json", out.toString());
        assertEquals(0, r.status(), r::toString);
        JsonNode j = JSON.readTree(out.toFile());
        assertEquals(800, j.path("hosts").asInt());
        assertEquals("reference experiment", j.path("fleet").path("source").asText());
        assertEquals(400, j.path("fleet").path("groups").get(0).path("count").asInt());
        assertEquals(1860, j.path("fleet").path("groups").get(0).path("mips_per_thread").asDouble());
        assertEquals(2660, j.path("fleet").path("groups").get(1).path("mips_per_thread").asDouble());
    }

    @Test
    void plotsAreWholePicturesWithNothingLeftBeside() throws IOException {
        Path plots = dir.resolve("plots");
        BalancerMainTest.Result r = BalancerMainTest.run("replay", "--trace-dir", day.toString(), "--policy", "none",
                "--plots", plots.toString());
        assertEquals(0, r.status(), r::toString);
        try (Stream<Path> files = Files.list(plots)) {
            List<Path> written = files.sorted().toList();
            assertEquals(4, written.size(), written::toString);
            for (Path png : written) {
                assertTrue(png.getFileName().toString().endsWith(".png"), "no temporary file left: " + png);
                BufferedImage image = ImageIO.read(png.toFile());
                assertEquals(900, image.getWidth(), png::toString);
                assertEquals(450, image.getHeight(), png::toString);
            }
        }
    }

    static Stream<Arguments> badFleets() {
        String slow = group("slow", SLOW, "3");
        String[][] cases = {
                {"groups[0].name: missing", "{\"groups\": [" + slow.replace("\"name\": \"slow\", ", "") + "]}"},
                {"groups[0].count: missing", "{\"groups\": [" + slow.replace("\"count\": 3, ", "") + "]}"},
                {"groups[0].raybench: missing", "{\"groups\": [" + slow.replace("\"raybench\": \"slow.json\", ", "") + "]}"},
                {"groups[0].memory_gib: missing", "{\"groups\": [" + slow.replace("\"memory_gib\": 32, ", "") + "]}"},
                {"groups[0].power_watts: missing", "{\"groups\": [" + slow.replace(", \"power_watts\": [50, 70]", "") + "]}"},
                {"groups[0].name: must be a non-empty string", "{\"groups\": [" + slow.replace("\"slow\",", "42,") + "]}"},
                {"groups[0].raybench: must be a non-empty string", "{\"groups\": [" + slow.replace("\"slow.json\"", "7") + "]}"},
                {"groups[0].count: must be an integer", "{\"groups\": [" + slow.replace("\"count\": 3", "\"count\": \"3\"") + "]}"},
                {"groups[0].count: must be an integer", "{\"groups\": [" + slow.replace("\"count\": 3", "\"count\": 1.5") + "]}"},
                {"groups[0].count: must be at least 1, got 0", "{\"groups\": [" + group("slow", SLOW, "0") + "]}"},
                {"groups[0].count: must be at least 1, got -2", "{\"groups\": [" + group("slow", SLOW, "-2") + "]}"},
                {"groups[0].memory_gib: must be a number", "{\"groups\": [" + slow.replace("32", "\"lots\"") + "]}"},
                {"groups[0].memory_gib: must be a number", "{\"groups\": [" + slow.replace("32", "0") + "]}"},
                {"groups[0].power_watts: must be an array", "{\"groups\": [" + slow.replace("[50, 70]", "\"70 W\"") + "]}"},
                {"groups[0].power_watts[1]: must be a number", "{\"groups\": [" + slow.replace("[50, 70]", "[50, \"70\"]") + "]}"},
                {"groups[0].power_watts: needs 2 points (idle, max) or 11", "{\"groups\": [" + slow.replace("[50, 70]", "[50]") + "]}"},
                {"groups[0].power_watts: needs 2 points (idle, max) or 11", "{\"groups\": [" + slow.replace("[50, 70]", "[50, 60, 70]") + "]}"},
                {"groups[0].power_watts: needs 2 points (idle, max) or 11 (0 %, 10 %, ..., 100 %), got 12", "{\"groups\": ["
                        + slow.replace("[50, 70]", "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]") + "]}"},
                {"groups[0].power_watts: decreases from 70.0 W to 50.0 W", "{\"groups\": [" + slow.replace("[50, 70]", "[70, 50]") + "]}"},
                {"groups[0].power_watts: decreases from 6.0 W to 5.0 W at point 6", "{\"groups\": ["
                        + slow.replace("[50, 70]", "[1, 2, 3, 4, 5, 6, 5, 8, 9, 10, 11]") + "]}"},
                {"groups[0].power_watts: point 0 is -1.0 W", "{\"groups\": [" + slow.replace("[50, 70]", "[-1, 70]") + "]}"},
                {"groups[0].raybench: " + dir.resolve("nowhere.json") + ": cannot read the raybench result: no such file",
                        "{\"groups\": [" + group("slow", "nowhere.json", "3") + "]}"},
                {"groups[0].raybench: " + dir.resolve("a-directory.json") + ": cannot read",
                        "{\"groups\": [" + group("slow", "a-directory.json", "3") + "]}"},
                {"groups[0].raybench: " + dir.resolve("broken.json") + ":1: not a raybench result",
                        "{\"groups\": [" + group("slow", "broken.json", "3") + "]}"},
                {"groups[0].raybench: " + dir.resolve("unverified.json") + ": image.verified is not true",
                        "{\"groups\": [" + group("slow", "unverified.json", "3") + "]}"},
                {"groups[1].raybench: " + dir.resolve("scalar.json") + " measured five 800x600, kernel scalar",
                        "{\"groups\": [" + slow + ", " + group("scalar", "scalar.json", "1") + "]}"},
                {"groups[1].name: 'slow' names an earlier group too", "{\"groups\": [" + slow + ", " + slow + "]}"},
                {"groups[0].cores: unknown key", "{\"groups\": [" + slow.replace("{", "{\"cores\": 8, ") + "]}"},
                {"hosts: unknown key", "{\"hosts\": 4, \"groups\": [" + slow + "]}"},
                {"groups: must be a non-empty array", "{}"},
                {"groups: must be a non-empty array", "{\"groups\": []}"},
                {"groups: must be a non-empty array", "{\"groups\": {\"name\": \"slow\"}}"},
                {"groups[0]: must be an object", "{\"groups\": [3]}"},
                {"a fleet file is a JSON object", "[" + slow + "]"},
                {":3: not valid JSON", "{\"groups\": [\n" + slow + ",\n oops]}"},
                {"not valid JSON: Duplicate field 'count'", "{\"groups\": [" + slow.replace("{", "{\"count\": 2, ") + "]}"},
        };
        return Stream.of(cases).map(c -> Arguments.of(c[0], c[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFleets")
    void aBadFleetFileIsOneLineNamingFileAndFieldWithStatus2(String named, String text) throws IOException {
        Path fleet = fleet(text);
        Path out = dir.resolve("never.json");
        BalancerMainTest.Result r = BalancerMainTest.run("replay", "--trace-dir", day.toString(), "--fleet",
                fleet.toString(), "--json", out.toString());
        assertEquals(2, r.status(), r::toString);
        assertEquals(1, r.errLines().size(), () -> "one line: " + r.err());
        assertTrue(r.err().startsWith("balancer replay: " + fleet), r.err());
        assertTrue(r.err().contains(named), () -> "names " + named + ": " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals("", r.out(), "nothing replayed");
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void aMissingFleetFileAndThreadsWithoutAFleetAreRefused() {
        Path none = dir.resolve("no-fleet.json");
        BalancerMainTest.Result missing = BalancerMainTest.run("replay", "--trace-dir", day.toString(), "--fleet", none.toString());
        assertEquals(2, missing.status(), missing::toString);
        assertEquals("balancer replay: " + none + ": cannot read the fleet file: no such file", missing.err().strip());
        BalancerMainTest.Result threads = BalancerMainTest.run("replay", "--trace-dir", day.toString(), "--cpu-capacity", "threads");
        assertEquals(2, threads.status(), threads::toString);
        assertTrue(threads.err().contains("--cpu-capacity threads: needs --fleet FILE"), threads.err());
        BalancerMainTest.Result bad = BalancerMainTest.run("replay", "--trace-dir", day.toString(), "--cpu-capacity", "guessed");
        assertEquals(2, bad.status(), bad::toString);
        assertTrue(bad.err().contains("--cpu-capacity"), bad.err());
    }
}
