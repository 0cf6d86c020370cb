package raypool.bench.scripts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scripts/lib/jdk.sh, run the way the user commands run it. */
class JdkDiscoveryScriptTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    record Result(int status, String output) {
    }

    /** Sources jdk.sh and calls raypool_find_jdk in a clean environment, then prints JAVA_HOME. */
    private static Result findJdk(String javaHome, String search) throws IOException, InterruptedException {
        var pb = new ProcessBuilder("bash", "-c",
            ". scripts/lib/jdk.sh && raypool_find_jdk && echo \"JAVA_HOME=$JAVA_HOME\"");
        pb.directory(ROOT.toFile());
        pb.redirectErrorStream(true);
        var env = pb.environment();
        env.remove("JAVA_HOME");
        if (!javaHome.isEmpty()) {
            env.put("JAVA_HOME", javaHome);
        }
        env.put("RAYPOOL_JDK_SEARCH", search);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "script finished");
        return new Result(p.exitValue(), out);
    }

    @Test
    void noJdk25AnywhereExitsTwoAndSaysWhatToInstall() throws Exception {
        Result r = findJdk("/nonexistent/jdk", "/nonexistent/*");
        assertEquals(2, r.status(), r.output());
        assertTrue(r.output().contains("no JDK 25 or newer found"), r.output());
        assertTrue(r.output().contains("Install a JDK 25"), r.output());
    }

    @Test
    void findsTheRunningJdkInTheSearchPathWhenJavaHomeIsTooOld() throws Exception {
        Path running = Path.of(System.getProperty("java.home"));
        Path tooOld = Files.createTempDirectory("old-jdk");
        Path bin = Files.createDirectories(tooOld.resolve("bin"));
        // A fake "JDK 17": its java reports specification version 17.
        Files.writeString(bin.resolve("java"), "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
        Files.writeString(bin.resolve("javac"), "#!/bin/sh\n");
        bin.resolve("java").toFile().setExecutable(true);
        bin.resolve("javac").toFile().setExecutable(true);
        Result r = findJdk(tooOld.toString(), running.toString());
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("JAVA_HOME=" + running), r.output());
    }
}
