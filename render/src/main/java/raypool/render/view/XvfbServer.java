package raypool.render.view;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private virtual X server (Xvfb) for hosts without a screen: CI, servers reached over ssh.
 *
 * <p>The display number is found free by Xvfb itself: {@code -displayfd 1} makes it try :0, :1, ... until
 * one is free and write the number it took to its standard output once it accepts clients. Choosing a
 * number here and then starting Xvfb on it would race with any other Xvfb started in between (two test
 * JVMs, a parallel CI job), and reading the number back also tells us the server is ready.
 */
public final class XvfbServer implements AutoCloseable {

    /** The smallest screen started: the largest window size the view is tested at, 24-bit colour. */
    public static final int MIN_WIDTH = 1280;
    public static final int MIN_HEIGHT = 1024;
    private static final long START_TIMEOUT_SECONDS = 20;

    private final Process process;
    private final String display;
    private final Thread killer;

    private XvfbServer(Process process, String display) {
        this.process = process;
        this.display = display;
        // Xvfb is not a child the JVM reaps at exit: stop it on every exit path, not only close().
        this.killer = new Thread(process::destroy, "xvfb-stop");
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /** The Xvfb program on the PATH, if any. */
    public static Optional<Path> find() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                Path candidate = Path.of(folder, "Xvfb");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Starts Xvfb with a screen at least {@code width} x {@code height} (parts of a window off the screen
     * have no pixels to read back) and waits until it accepts clients.
     */
    public static XvfbServer start(Path xvfb, int width, int height) throws NoDisplayException {
        String screen = Math.max(MIN_WIDTH, width) + "x" + Math.max(MIN_HEIGHT, height) + "x24";
        Path log;
        Process process;
        try {
            log = Files.createTempFile("raypool-xvfb", ".log");
            process = new ProcessBuilder(List.of(xvfb.toString(), "-displayfd", "1", "-screen", "0", screen,
                "-nolisten", "tcp"))
                .redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        } catch (IOException e) {
            throw new NoDisplayException("could not start " + xvfb + ": " + e.getMessage());
        }
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> readLine(process));
        try {
            String line = number.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (line == null || !line.strip().matches("\\d+")) {
                throw new NoDisplayException("Xvfb did not start: " + tail(log, process));
            }
            return new XvfbServer(process, ":" + line.strip());
        } catch (TimeoutException e) {
            process.destroyForcibly();
            throw new NoDisplayException("Xvfb did not start within " + START_TIMEOUT_SECONDS + " s: " + tail(log, process));
        } catch (ExecutionException e) {
            process.destroyForcibly();
            throw new NoDisplayException("Xvfb did not start: " + e.getCause());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new NoDisplayException("interrupted while starting Xvfb");
        }
    }

    /** The X display name, e.g. ":1". */
    public String display() {
        return display;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        } catch (IllegalStateException alreadyExiting) {
            // The hook is running or about to: nothing left to undo.
        }
    }

    private static String readLine(Process process) {
        try {
            return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        } catch (IOException e) {
            return null;
        }
    }

    private static String tail(Path log, Process process) {
        try {
            List<String> lines = Files.readAllLines(log);
            String last = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            return (process.isAlive() ? "" : "exit status " + process.exitValue() + "; ") + last;
        } catch (IOException | IllegalThreadStateException e) {
            return "see " + log;
        }
    }
}
