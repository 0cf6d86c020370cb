package raypool.bench.testing;

import raypool.bench.RayBench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs raybench in-process, as a user would from the shell, and keeps what it printed. */
public final class Commands {

    /** Exit status, standard output and standard error of one run. */
    public record Outcome(int status, String out, String err) {
    }

    private Commands() {
    }

    public static Outcome raybench(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = RayBench.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
