package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool's own workload: PlanetLab-style trace files through its reader, or its seeded synthetic traces. */
class TraceWorkloadTest {

    private static void trace(Path file, int samples, String replaceLine5) throws Exception {
        String body = IntStream.range(0, samples).mapToObj(i -> i == 4 && replaceLine5 != null ? replaceLine5
                : Integer.toString(i % 100)).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, body);
    }

    @Test
    void replaysPercentagesEveryFiveMinutesAndInterpolates(@TempDir Path day) throws Exception {
        trace(day.resolve("a"), 288, null);
        trace(day.resolve("b"), 288, null);
        TraceWorkload w = TraceWorkload.planetLab(day, 2, 1_000_000);
        assertEquals(0.00, w.cpu(0, 1_000_000), 1e-12);
        assertEquals(0.03, w.cpu(0, 1_000_000 + 3 * 300_000), 1e-12);
        assertEquals(0.035, w.cpu(1, 1_000_000 + 3 * 300_000 + 150_000), 1e-12);
        assertEquals(w.cpu(0, 1_000_000 + 7 * 300_000), w.cpu(0, 1_000_000 + (288 + 7) * 300_000L), 1e-12, "the day repeats");
        assertEquals("guest", w.kind(1));
        assertEquals("a", w.trace().names().getFirst());
    }

    @Test
    void onlyTheFilesAskedForAreReadInNameOrder(@TempDir Path day) throws Exception {
        trace(day.resolve("b"), 288, null);
        trace(day.resolve("a"), 288, null);
        Files.writeString(day.resolve("c"), "not a trace\n");
        CpuTrace t = CpuTraceReader.read(day, 2);
        assertEquals(java.util.List.of("a", "b"), t.names());
    }

    @Test
    void aBadValueNamesItsFileAndLine(@TempDir Path day) throws Exception {
        trace(day.resolve("a"), 288, "12x");
        TraceFileException e = assertThrows(TraceFileException.class, () -> TraceWorkload.planetLab(day, 1, 0));
        assertTrue(e.getMessage().startsWith(day.resolve("a") + ":5: "), e.getMessage());
        assertEquals(5, e.line());
        trace(day.resolve("a"), 288, "101");
        assertTrue(assertThrows(TraceFileException.class, () -> TraceWorkload.planetLab(day, 1, 0))
                .getMessage().contains("outside 0..100"));
    }

    @Test
    void tooFewOrTooManySamplesOrAGapAreRefused(@TempDir Path day) throws Exception {
        trace(day.resolve("a"), 200, null);
        assertTrue(assertThrows(TraceFileException.class, () -> TraceWorkload.planetLab(day, 1, 0))
                .getMessage().contains("ends after 200"));
        trace(day.resolve("a"), 289, null);
        TraceFileException tooMany = assertThrows(TraceFileException.class, () -> TraceWorkload.planetLab(day, 1, 0));
        assertEquals(289, tooMany.line());
        trace(day.resolve("a"), 288, "");
        assertEquals(5, assertThrows(TraceFileException.class, () -> TraceWorkload.planetLab(day, 1, 0)).line());
        trace(day.resolve("a"), 288, null);
        Files.writeString(day.resolve("a"), Files.readString(day.resolve("a")) + "\n\n");
        assertEquals(288, CpuTraceReader.read(day, 1).percent()[0].length, "blank lines at the end are fine");
        assertTrue(assertThrows(TraceFileException.class, () -> TraceWorkload.planetLab(day, 3, 0))
                .getMessage().contains("3 VMs"));
        assertTrue(assertThrows(TraceFileException.class, () -> CpuTraceReader.read(day.resolve("a"), 1))
                .getMessage().contains("not a directory"));
    }

    @Test
    void theSyntheticLoadIsSeededAndShapedLikePlanetLab() {
        long origin = 1_700_000_000_000L;
        TraceWorkload w = TraceWorkload.synthetic(42, 40, origin);
        TraceWorkload again = TraceWorkload.synthetic(42, 40, origin);
        TraceWorkload other = TraceWorkload.synthetic(43, 40, origin);
        for (int vm = 0; vm < 40; vm++) {
            assertArrayEquals(w.trace().percent()[vm], again.trace().percent()[vm], "same seed, same trace");
        }
        assertTrue(!Arrays.deepEquals(w.trace().percent(), other.trace().percent()));
        double mean = Arrays.stream(w.trace().percent()).flatMapToInt(Arrays::stream).average().orElseThrow();
        assertTrue(mean > 5 && mean < 30, "mostly light, as PlanetLab's VMs are: mean " + mean + " %");
        Set<String> kinds = IntStream.range(0, 40).mapToObj(w::kind).collect(Collectors.toSet());
        assertEquals(Set.of("idle", "web", "database", "batch"), kinds, "the stand gets a mix of sizes");
        for (int vm = 0; vm < 40; vm++) {
            int[] day = w.trace().percent()[vm];
            double vmMean = Arrays.stream(day).average().orElseThrow();
            int max = Arrays.stream(day).max().orElseThrow();
            switch (w.kind(vm)) {
                case "idle" -> assertTrue(vmMean < 8, "an idle box is idle: " + vmMean);
                case "batch" -> assertTrue(max >= 40, "a batch guest runs jobs: max " + max);
                default -> assertTrue(vmMean > 3, w.kind(vm) + " does some work: " + vmMean);
            }
        }
    }

    @Test
    void networkDiskAndMemoryWritesFollowCpuByKind() {
        TraceWorkload w = TraceWorkload.synthetic(42, 40, 0);
        int idle = IntStream.range(0, 40).filter(v -> w.kind(v).equals("idle")).findFirst().orElseThrow();
        int batch = IntStream.range(0, 40).filter(v -> w.kind(v).equals("batch")).findFirst().orElseThrow();
        assertTrue(w.memoryDirtyBytesPerSecond(batch, 0) > 10 * w.memoryDirtyBytesPerSecond(idle, 0));
        assertEquals(GuestKind.BATCH.dirtyBytesPerSecond(w.cpu(batch, 0)), w.memoryDirtyBytesPerSecond(batch, 0), 1e-6);
        assertTrue(w.networkBytesPerSecond(idle, 0) > 0 && w.diskBytesPerSecond(batch, 0) > 0);
    }

    @Test
    void theCommandRefusesABadTraceDirectoryWithStatus2(@TempDir Path day) {
        StringWriter err = new StringWriter();
        int status = SimPoolMain.run(new String[] {"--planetlab", day.toString(), "--vms", "5"},
                new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(2, status);
        assertTrue(err.toString().contains("--planetlab"), err.toString());
    }
}
