package raypool.daemon.capacity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.daemon.cli.DaemonMain;
import raypool.result.ResultCodec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daemon with --capacity: measured hosts and the fallback ones, said in the audit log; bad results refused. */
class CapacityDaemonTest {

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result daemon(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = DaemonMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void aMeasuredHostAndTheFallbackOnesAreNamedInTheAuditLog() throws Exception {
        Path result = Files.write(dir.resolve("host-1.json"), ResultCodec.toBytes(MeasuredCapacityTest.result(
            "Some CPU", Optional.of("host-1"), Optional.empty(), 2, 300, true)));
        Path audit = dir.resolve("audit.jsonl");
        Result r = daemon("--simulate", "--duration", "3s", "--status-port", "-1", "--audit", audit.toString(),
            "--capacity", result.toString());
        assertEquals(0, r.status(), r::toString);
        List<String> capacity = Files.readAllLines(audit).stream().filter(l -> l.contains("\"event\":\"capacity\"")).toList();
        assertEquals(1, capacity.size(), "said once, while it does not change: " + capacity);
        assertTrue(capacity.getFirst().contains("host-1: 1000 MIPS per thread from " + result), capacity.getFirst());
        assertTrue(capacity.getFirst().contains("\"fallback\":[\"host-2\",\"host-3\",\"host-4\"]"), capacity.getFirst());
    }

    @Test
    void aResultThatCannotBeACapacityIsBadInputBeforeAnythingRuns() throws Exception {
        Path bad = Files.write(dir.resolve("bad.json"), ResultCodec.toBytes(MeasuredCapacityTest.result(
            "Some CPU", Optional.of("host-1"), Optional.empty(), 2, 300, false)));
        Result r = daemon("--simulate", "--duration", "3s", "--status-port", "-1", "--audit",
            dir.resolve("a.jsonl").toString(), "--capacity", bad.toString());
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().contains("--capacity") && r.err().contains(bad.toString()), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(!Files.exists(dir.resolve("a.jsonl")), "nothing ran");
    }
}
