package raypool.bench.compare;

import raypool.bench.testing.Commands;
import raypool.bench.testing.Commands.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.bench.testing.Results;
import raypool.result.RaybenchResult;
import raypool.result.ResultCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareCommandTest {

    @TempDir
    Path dir;

    static Outcome run(String... args) {
        return Commands.raybench(args);
    }

    private Path write(String name, RaybenchResult r) throws IOException {
        return Files.write(dir.resolve(name), ResultCodec.toBytes(r));
    }

    @Test
    void ratiosAgainstTheBaseAndTheOriginalMachinesAsReferenceRows() throws IOException {
        Path xeon = write("xeon.json", Results.simd("Intel Xeon", 2, 200, 210, "800x600", true, "five"));
        Path epyc = write("epyc.json", Results.simd("AMD EPYC", 2, 100, 105, "800x600", true, "five"));
        Outcome o = run("compare", xeon.toString(), epyc.toString());
        assertEquals(0, o.status(), o.err());
        List<String> lines = o.out().lines().filter(l -> l.startsWith("| ")).toList();
        final int row1 = 1, row2 = 2;
        assertTrue(lines.get(row1).contains("| 1 (base) | Intel Xeon, 2 CPUs | avx2-8"), lines.get(row1));
        assertTrue(lines.get(row1).contains("| 200.0 (100.0-220.0) | 210.0 |"), lines.get(row1));
        assertTrue(lines.get(row1).contains("| 105.0 |"), "per thread: 210 / 2: " + lines.get(row1));
        assertTrue(lines.get(row2).contains("| 0.50x | 0.50x |"), "half the base: " + lines.get(row2));
        assertTrue(lines.get(row2).contains("| 0.95 |"), "the sweep's efficiency: " + lines.get(row2));
        assertEquals(3, o.out().lines().filter(l -> l.contains("published, not measured")).count());
        assertTrue(o.out().contains("| ref | 4x Intel Xeon E7-8860, 2.3 GHz, 80 threads | - | original system | static | 80 | 12-14 |"),
            o.out());
        // 13 FPS on 80 threads against 105 per thread: 0.1625 / 105
        assertTrue(o.out().contains(String.format(java.util.Locale.ROOT, "%.4fx |", 13.0 / 80 / 105)), o.out());
    }

    @Test
    void anotherBaseRowChangesTheRatios() throws IOException {
        Path xeon = write("xeon.json", Results.simd("Intel Xeon", 2, 200, 210, "800x600", true, "five"));
        Path epyc = write("epyc.json", Results.simd("AMD EPYC", 2, 100, 105, "800x600", true, "five"));
        Outcome o = run("compare", "--base", "2", xeon.toString(), epyc.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.out().contains("| 2.00x | 2.00x |"), o.out());
        assertEquals(2, run("compare", "--base", "3", xeon.toString(), epyc.toString()).status());
    }

    @Test
    void refusesToRankOtherSizesScenesOrUnverifiedFramesNamingBothFiles() throws IOException {
        Path base = write("base.json", Results.simd("Intel Xeon", 2, 200, 210, "800x600", true, "five"));
        Path big = write("big.json", Results.simd("Intel Xeon", 2, 100, 105, "1280x1024", true, "five"));
        Path wrong = write("wrong.json", Results.simd("AMD EPYC", 2, 100, 105, "800x600", false, "five"));
        Path other = write("other.json", Results.simd("AMD EPYC", 2, 100, 105, "800x600", true, "cray12"));
        for (Path p : List.of(big, wrong, other)) {
            Outcome o = run("compare", base.toString(), p.toString());
            assertEquals(2, o.status(), o.out());
            assertTrue(o.err().contains(p + " and " + base), o.err());
            assertTrue(o.err().lines().count() == 1, "one line: " + o.err());
        }
        Outcome mixed = run("compare", "--allow-mixed", base.toString(), big.toString(), wrong.toString());
        assertEquals(0, mixed.status(), mixed.err());
        assertTrue(mixed.out().contains("not comparable: size 1280x1024 against 800x600"), mixed.out());
        assertTrue(mixed.out().contains("NO, not comparable: frames not verified"), mixed.out());
    }

    @Test
    void foldersAreSearchedAndOutWritesTableCsvAndPlots() throws IOException {
        Path hosts = Files.createDirectories(dir.resolve("hosts/a"));
        Files.write(hosts.resolve("x.json"), ResultCodec.toBytes(Results.simd("Intel Xeon", 2, 200, 210, "800x600", true, "five")));
        Files.writeString(hosts.resolve("jmh.json"), "[{\"benchmark\": \"x\"}]");
        Path out = dir.resolve("out");
        Outcome o = run("compare", dir.resolve("hosts").toString(), "--out", out.toString());
        assertEquals(0, o.status(), o.err());
        assertTrue(o.err().contains("skipping " + hosts.resolve("jmh.json")), o.err());
        for (String f : List.of("compare.md", "compare.csv", "compare-fps.png", "compare-speedup.png")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        assertEquals(2, Files.readAllLines(out.resolve("compare.csv")).size());
    }

    @Test
    void aFileThatIsNoResultIsBadInput() throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.json"), "{\"policy\": \"x\"}");
        Outcome o = run("compare", junk.toString());
        assertEquals(2, o.status());
        assertTrue(o.err().startsWith("raybench compare: " + junk), o.err());
    }
}
