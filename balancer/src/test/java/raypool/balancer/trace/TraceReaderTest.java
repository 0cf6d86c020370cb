package raypool.balancer.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.balancer.cli.BalancerMain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceReaderTest {
    @TempDir
    Path dir;

    private static String lines(int count, int value) {
        return IntStream.range(0, count).mapToObj(i -> Integer.toString(value)).collect(Collectors.joining("\n")) + "\n";
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void readsFilesInNameOrder() throws IOException {
        write("b", lines(288, 7));
        write("a", lines(288, 3));
        PlanetLabTrace trace = TraceReader.read(dir);
        assertEquals(java.util.List.of("a", "b"), trace.names());
        assertEquals(0.03, trace.utilization(0, 10), 1e-12);
        assertEquals(0.07, trace.utilization(1, 300), 1e-12, "past the end the last sample repeats");
    }

    @Test
    void nonNumberNamesFileAndLine() throws IOException {
        Path bad = write("vm1", lines(10, 5) + "abc\n" + lines(277, 5));
        InputException e = assertThrows(InputException.class, () -> TraceReader.read(dir));
        assertEquals(11, e.line());
        assertTrue(e.getMessage().startsWith(bad + ":11:"), e.getMessage());
    }

    @Test
    void valueOver100IsRefused() throws IOException {
        write("vm1", lines(3, 5) + "101\n" + lines(284, 5));
        InputException e = assertThrows(InputException.class, () -> TraceReader.read(dir));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("101"));
    }

    @Test
    void missingLinesNameTheFirstMissingLine() throws IOException {
        write("vm1", lines(200, 5));
        InputException e = assertThrows(InputException.class, () -> TraceReader.read(dir));
        assertEquals(201, e.line());
    }

    @Test
    void emptyDirectoryIsRefused() {
        InputException e = assertThrows(InputException.class, () -> TraceReader.read(dir));
        assertTrue(e.getMessage().contains(dir.toString()));
    }

    @Test
    void replayExitsTwoNamingFileAndLineAndWritesNothing() throws IOException {
        Path bad = write("vm1", lines(5, 5) + "x\n");
        Path json = dir.resolve("out").resolve("result.json");
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = BalancerMain.execute("replay", "--trace-dir", dir.toString(), "--policy", "thr-mmt",
                    "--json", json.toString());
        } finally {
            System.setErr(savedErr);
        }
        assertEquals(2, status);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains(bad + ":6:"), message);
        assertFalse(Files.exists(json));
    }
}
