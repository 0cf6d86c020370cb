package raypool.xapi.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanetLabWorkloadTest {

    private static void trace(Path file, int samples, String replaceLine5) throws Exception {
        String body = IntStream.range(0, samples).mapToObj(i -> i == 4 && replaceLine5 != null ? replaceLine5
                : Integer.toString(i % 100)).collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(file, body);
    }

    @Test
    void replaysPercentagesEveryFiveMinutesAndInterpolates(@TempDir Path day) throws Exception {
        trace(day.resolve("a"), 288, null);
        trace(day.resolve("b"), 288, null);
        PlanetLabWorkload w = PlanetLabWorkload.read(day, 2, 1_000_000);
        assertEquals(0.00, w.cpu(0, 1_000_000), 1e-12);
        assertEquals(0.03, w.cpu(0, 1_000_000 + 3 * 300_000), 1e-12);
        assertEquals(0.035, w.cpu(1, 1_000_000 + 3 * 300_000 + 150_000), 1e-12);
        assertEquals(w.cpu(0, 1_000_000 + 7 * 300_000), w.cpu(0, 1_000_000 + (288 + 7) * 300_000L), 1e-12, "the day repeats");
    }

    @Test
    void aBadValueNamesItsFileAndLine(@TempDir Path day) throws Exception {
        trace(day.resolve("a"), 288, "12x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlanetLabWorkload.read(day, 1, 0));
        assertTrue(e.getMessage().contains(day.resolve("a") + " line 5"), e.getMessage());
    }

    @Test
    void tooFewTracesOrSamplesAreRefused(@TempDir Path day) throws Exception {
        trace(day.resolve("a"), 200, null);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlanetLabWorkload.read(day, 1, 0))
                .getMessage().contains("200 samples"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> PlanetLabWorkload.read(day, 3, 0))
                .getMessage().contains("3 VMs"));
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
