package raypool.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.bench.testing.Results;
import raypool.result.ResultCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsSummaryTest {

    @Test
    void hostLabelIsTheCpuModelWithoutTrademarksOrClockAndTheCpuCount() {
        assertEquals("AMD EPYC, 2 CPUs", HostLabel.of("AMD EPYC", 2));
        assertEquals("Intel Xeon E5-2680 v4, 56 CPUs", HostLabel.of("Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz", 56));
        assertEquals("AMD EPYC 7B13, 1 CPU", HostLabel.of("AMD EPYC 7B13 64-Core Processor", 1));
        assertEquals("Intel Xeon, 2 CPUs", HostLabel.of("Intel(R) Xeon(R) Processor", 2));
        assertEquals("unknown CPU", HostLabel.of("", 0));
    }

    @Test
    void everyRowOfTheSummaryNamesItsHost(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a.json"), ResultCodec.toBytes(Results.simd("AMD EPYC", 2, 100, 101, "160x120", true, "five")));
        Files.write(dir.resolve("b.json"), ResultCodec.toBytes(Results.simd("Intel(R) Xeon(R) Processor", 4, 100, 101,
            "160x120", true, "five")));
        Files.writeString(dir.resolve("jmh.json"), "[{\"benchmark\": \"x\"}]");
        String table = ResultsSummary.table(dir);
        String[] lines = table.split("\n");
        assertEquals(4, lines.length, "JMH output is not a result: " + table);
        assertTrue(lines[0].startsWith("| result | host | kernel | ISA |"), lines[0]);
        assertEquals(lines[0].chars().filter(c -> c == '|').count(), lines[1].chars().filter(c -> c == '|').count());
        assertTrue(lines[2].startsWith("| a.json | AMD EPYC, 2 CPUs | simd | avx2-8 | dynamic | 160x120 | 2 |"), lines[2]);
        assertTrue(lines[3].startsWith("| b.json | Intel Xeon, 4 CPUs | simd |"), lines[3]);
        assertEquals(lines[0].chars().filter(c -> c == '|').count(), lines[3].chars().filter(c -> c == '|').count());
    }

    @Test
    void theKernelComparisonNamesTheHostToo(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("a.json"), ResultCodec.toBytes(Results.simd("AMD EPYC", 2, 100, 101, "160x120", true, "five")));
        String[] lines = KernelComparison.table(dir).split("\n");
        assertTrue(lines[0].startsWith("| result | host | kernel |"), lines[0]);
        assertTrue(lines[2].startsWith("| a.json | AMD EPYC, 2 CPUs | simd |"), lines[2]);
    }
}
