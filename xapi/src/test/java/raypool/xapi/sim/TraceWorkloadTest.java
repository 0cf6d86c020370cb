package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.balancer.trace.InputException;
import raypool.balancer.trace.PlanetLabTrace;
import raypool.balancer.trace.SyntheticTraces;

/** The pool's workload is the balancer's traces: PlanetLab days through its reader, or its synthetic traces. */
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
    }

    @Test
    void aBadValueNamesItsFileAndLine(@TempDir Path day) throws Exception {
        trace(day.resolve("a"), 288, "12x");
        InputException e = assertThrows(InputException.class, () -> TraceWorkload.planetLab(day, 1, 0));
        assertTrue(e.getMessage().contains(day.resolve("a") + ":5"), e.getMessage());
        assertEquals(5, e.line());
    }

    @Test
    void tooFewTracesOrSamplesAreRefused(@TempDir Path day) throws Exception {
        trace(day.resolve("a"), 200, null);
        assertTrue(assertThrows(InputException.class, () -> TraceWorkload.planetLab(day, 1, 0))
                .getMessage().contains("ends after 200"));
        trace(day.resolve("a"), 288, null);
        assertTrue(assertThrows(InputException.class, () -> TraceWorkload.planetLab(day, 3, 0))
                .getMessage().contains("3 VMs"));
    }

    @Test
    void theSyntheticLoadIsTheBalancersSyntheticTraces() {
        long origin = 1_700_000_000_000L;
        TraceWorkload w = TraceWorkload.synthetic(42, 40, origin);
        PlanetLabTrace expected = SyntheticTraces.generate(40, 42);
        for (int vm = 0; vm < 40; vm++) {
            for (int k = 0; k < PlanetLabTrace.SAMPLES; k += 37) {
                assertEquals(expected.utilization(vm, k), w.cpu(vm, origin + k * 300_000L), 1e-12);
            }
        }
        Set<String> kinds = IntStream.range(0, 40).mapToObj(w::kind).collect(Collectors.toSet());
        assertEquals(Set.of("idle", "web", "database", "batch"), kinds, "the stand gets a mix of sizes");
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
