package raypool.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The commit a result was measured at, and whether the code (anything outside results/) had uncommitted changes. */
public record GitInfo(String commit, boolean dirty) {

    public static final GitInfo UNKNOWN = new GitInfo("unknown", false);

    /** Asks git in {@code root} (scripts pass the repository root as -Draypool.root). */
    public static GitInfo of(Path root) {
        try {
            String commit = run(root, "git", "rev-parse", "HEAD").strip();
            if (commit.isEmpty()) {
                return UNKNOWN;
            }
            // results/ is left out: result scripts rewrite files there between the runs they make.
            boolean dirty = !run(root, "git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                ":(exclude)results").isBlank();
            return new GitInfo(commit, dirty);
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            return "";
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
