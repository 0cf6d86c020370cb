package raypool.bench.scripts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The results scripts' own command line: --help and bad options are answered before anything runs. Each
 * script is run where it could not get far if it tried: no JDK to be found (it would exit 2 saying so)
 * and an empty current folder (where it would make its default output folder).
 */
class ResultsScriptsTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    record Result(int status, String output) {
    }

    private static Result run(Path cwd, String... command) throws IOException, InterruptedException {
        var pb = new ProcessBuilder(command);
        pb.directory(cwd.toFile());
        pb.redirectErrorStream(true);
        var env = pb.environment();
        env.remove("JAVA_HOME");
        env.put("RAYPOOL_JDK_SEARCH", "/nonexistent/*");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "script finished");
        return new Result(p.exitValue(), out);
    }

    private static Result script(Path cwd, String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("scripts").resolve(name).toString());
        command.addAll(List.of(args));
        return run(cwd, command.toArray(String[]::new));
    }

    private static void assertNothingWritten(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "nothing written in the current folder");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "raybench-results, --help", "raybench-results, -h",
        "raybench-opencl-results, --help", "raybench-opencl-results, -h",
        "raybench-ab, --help", "raybench-ab, -h"})
    void helpPrintsUsageAndRunsNothing(String name, String option, @TempDir Path cwd) throws Exception {
        Result r = script(cwd, name, option);
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().startsWith("Usage: ./scripts/" + name + " "), r.output());
        assertTrue(r.output().contains("--out DIR"), r.output());
        assertTrue(r.output().contains("--results"), r.output());
        assertTrue(r.output().contains("amd-epyc-avx512-2cpu"), "the host folder name is explained: " + r.output());
        assertTrue(!r.output().contains("no JDK"), "it did not look for a JDK: " + r.output());
        assertNothingWritten(cwd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"raybench-results", "raybench-opencl-results", "raybench-ab"})
    void anUnknownOptionIsOneLineAndExitStatus2(String name, @TempDir Path cwd) throws Exception {
        Result r = script(cwd, name, "--no-such-option");
        assertEquals(2, r.status(), r.output());
        assertEquals(1, r.output().lines().count(), r.output());
        assertTrue(r.output().startsWith(name + ": unknown option --no-such-option"), r.output());
        assertNothingWritten(cwd);
    }

    @ParameterizedTest
    @ValueSource(strings = {"raybench-results", "raybench-opencl-results"})
    void outAndResultsTogetherAreRefused(String name, @TempDir Path cwd) throws Exception {
        Result r = script(cwd, name, "--out", cwd.resolve("x").toString(), "--results");
        assertEquals(2, r.status(), r.output());
        assertTrue(r.output().contains("--out and --results"), r.output());
        assertNothingWritten(cwd);
    }

    @Test
    void aBadFrameCountIsRefusedBeforeAnythingRuns(@TempDir Path cwd) throws Exception {
        Result r = script(cwd, "raybench-results", "--frames", "many");
        assertEquals(2, r.status(), r.output());
        assertTrue(r.output().startsWith("raybench-results: --frames needs a whole number"), r.output());
        assertNothingWritten(cwd);
    }

    @Test
    void abNeedsTwoCommits(@TempDir Path cwd) throws Exception {
        Result r = script(cwd, "raybench-ab", "main");
        assertEquals(2, r.status(), r.output());
        assertTrue(r.output().startsWith("raybench-ab: needs two commits"), r.output());
        assertNothingWritten(cwd);
    }

    /** Sources scripts/lib/results.sh and names a host from a cpuinfo file and a CPU count. */
    private static String fingerprint(Path dir, String cpuinfo, int cpus) throws Exception {
        Path file = dir.resolve("cpuinfo");
        Files.writeString(file, cpuinfo);
        Result r = run(dir, "bash", "-c", "set -euo pipefail; . \"$0\"; raypool_host_fingerprint \"$1\" \"$2\"",
            ROOT.resolve("scripts/lib/results.sh").toString(), file.toString(), Integer.toString(cpus));
        assertEquals(0, r.status(), r.output());
        return r.output().strip();
    }

    @Test
    void theHostFolderIsCpuModelIsaAndCpuCount(@TempDir Path dir) throws Exception {
        assertEquals("amd-epyc-avx512-2cpu", fingerprint(dir,
            "processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse sse2 avx avx2 avx512f avx512bw\n", 2));
        assertEquals("intel-xeon-e5-2680-v4-avx2-56cpu", fingerprint(dir,
            "model name\t: Intel(R) Xeon(R) CPU E5-2680 v4 @ 2.40GHz\nflags\t\t: fpu sse sse2 avx avx2\n", 56));
        assertEquals("amd-epyc-7b13-64-core-avx-8cpu", fingerprint(dir,
            "model name\t: AMD EPYC 7B13 64-Core Processor\nflags\t\t: fpu sse sse2 avx\n", 8));
        assertEquals("intel-core-i7-8700-sse-1cpu", fingerprint(dir,
            "model name\t: Intel(R) Core(TM) i7-8700 CPU @ 3.20GHz\nflags\t\t: fpu sse sse2 sse4_2\n", 1));
        assertEquals("unknown-cpu-avx2-4cpu", fingerprint(dir, "model name\t: (R)\nflags\t\t: avx avx2\n", 4));
    }
}
