package raypool.render.view;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without a display and without a way to get one, the view says so and exits 2, leaving nothing behind. */
class NoDisplayTest {

    @TempDir
    Path dir;

    @Test
    void withoutDisplayAndWithoutXvfbItSaysSoAndExits2() throws Exception {
        Path shot = dir.resolve("shot.png");
        Result r = runProbe(Map.of("PATH", dir.resolve("no-xvfb-here").toString()), "3", shot.toString());
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("no display"), r.err);
        assertTrue(r.err.contains("Xvfb is not on the PATH"), r.err);
        assertFalse(Files.exists(shot), "no screenshot written");
    }

    @Test
    void withoutDisplayAnEndlessViewIsRefusedEvenWhereXvfbExists() throws Exception {
        Result r = runProbe(Map.of(), "0");
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("DISPLAY is not set"), r.err);
        assertTrue(r.err.contains("--frames N --screenshot FILE"), r.err);
    }

    @Test
    void aDisplayThatCannotBeOpenedIsReportedTheSameWay() throws Exception {
        Result r = runProbe(Map.of("DISPLAY", ":987"), "3", dir.resolve("shot.png").toString());
        assertEquals(2, r.status, r.err);
        assertTrue(r.err.contains("no display: the window system could not be opened"), r.err);
        assertTrue(r.err.contains(":987"), "GLFW's reason names the display: " + r.err);
    }

    private record Result(int status, String err) {
    }

    private Result runProbe(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(),
            "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
            "-cp", System.getProperty("java.class.path"), ViewProbeMain.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(env);
        Path errFile = dir.resolve("err.txt");
        pb.redirectError(errFile.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the view did not exit by itself");
        }
        return new Result(p.exitValue(), Files.readString(errFile, StandardCharsets.UTF_8));
    }
}
