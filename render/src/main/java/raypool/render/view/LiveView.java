package raypool.render.view;

import raypool.engine.verify.ImageChecks;
import raypool.engine.verify.ReferenceCheck;
import raypool.engine.verify.RenderedFrame;
import raypool.render.image.PngWriter;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * {@code raybench --view}: a window that shows the frames as they are rendered, with the FPS overlay and
 * keys to change threads, policy, kernel and buffering while it runs.
 *
 * <p>The window thread (the caller's) only uploads and draws; frames are rendered by a {@link RenderLoop}
 * on its own thread, so a slow frame never freezes the keys and a fast window never slows the frames
 * beyond one texture upload per refresh.
 */
public final class LiveView {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_NO_DISPLAY = 2;

    /** Refreshes per second: more is invisible, and under Xvfb (no vsync) would only burn a core. */
    static final int REFRESH_HZ = 60;
    /**
     * Buffered, the window is redrawn only for a new frame, a command, or after this long (so that a
     * window uncovered by another is repainted soon). Uploading and drawing the same frame at 60 Hz would
     * take CPU from the render threads; with a software OpenGL (Mesa's llvmpipe, Xvfb) a lot of it.
     */
    static final long IDLE_REDRAW_NANOS = 250_000_000L;

    private LiveView() {
    }

    /** Runs the view until Esc, the window's close button, or the frame limit; returns the exit status. */
    public static int run(ViewOptions options, PrintStream err) {
        return run(options, err, ViewObserver.NONE);
    }

    public static int run(ViewOptions options, PrintStream err, ViewObserver observer) {
        try (XDisplay display = XDisplay.acquire(options.frameLimit() > 0, options.width(), options.height())) {
            if (display.isPrivate()) {
                err.println("raybench --view: no DISPLAY; rendering on a private Xvfb " + display.name());
            }
            return runOn(options, err, observer);
        } catch (NoDisplayException e) {
            err.println("raybench --view: " + e.getMessage());
            return EXIT_NO_DISPLAY;
        }
    }

    private static int runOn(ViewOptions options, PrintStream err, ViewObserver observer) throws NoDisplayException {
        RenderLoop loop = new RenderLoop(options.scene(), options.width(), options.height(), options.settings(),
            options.frameLimit());
        Thread renderer = Thread.ofPlatform().name("raypool-view-render").daemon(true).unstarted(loop);
        try (ViewWindow window = ViewWindow.open(options.width(), options.height(),
            "raypool - " + options.scene().name() + " " + options.width() + "x" + options.height())) {
            renderer.start();
            long refreshNanos = 1_000_000_000L / REFRESH_HZ;
            long nextRefresh = System.nanoTime();
            long drawnAt = 0;
            ViewStats drawn = null;
            while (!window.closeRequested()) {
                window.waitEvents(Math.max(0, nextRefresh - System.nanoTime()) / 1e9);
                nextRefresh = System.nanoTime() + refreshNanos;
                if (handleCommands(window, loop, options, err)) {
                    break;
                }
                // Read "finished" before drawing: the frame drawn is then at least the last one.
                boolean finished = loop.finished();
                ViewStats stats = loop.stats();
                boolean stale = drawn == null || !stats.equals(drawn) || !stats.settings().buffered()
                    || System.nanoTime() - drawnAt > IDLE_REDRAW_NANOS;
                if (!stale && !finished) {
                    continue;
                }
                drawn = stats;
                drawnAt = System.nanoTime();
                window.draw(loop.visible(), Overlay.lines(stats));
                observer.refreshed(stats, window::capture);
                if (finished) {
                    return finish(window, loop, options, err);
                }
                window.show();
            }
            loop.stop();
            joinQuietly(renderer);
            return framesVerified(loop, err) ? EXIT_OK : EXIT_FAILED;
        } finally {
            loop.stop();
            joinQuietly(renderer);
        }
    }

    /** Applies the typed commands; true when the view should close. */
    private static boolean handleCommands(ViewWindow window, RenderLoop loop, ViewOptions options, PrintStream err) {
        for (ViewCommand c = window.nextCommand(); c != null; c = window.nextCommand()) {
            switch (c) {
                case QUIT -> {
                    return true;
                }
                case SAVE_PNG -> {
                    window.draw(loop.visible(), Overlay.lines(loop.stats()));
                    Path file = options.saveFolder().resolve("raypool-view-"
                        + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")) + ".png");
                    save(window.capture(), file, err);
                }
                default -> loop.apply(c);
            }
        }
        return false;
    }

    private static int finish(ViewWindow window, RenderLoop loop, ViewOptions options, PrintStream err) {
        if (loop.failure() != null) {
            err.println("raybench --view: rendering failed: " + loop.failure());
            return EXIT_FAILED;
        }
        if (!framesVerified(loop, err)) {
            return EXIT_FAILED;
        }
        if (options.screenshot().isPresent()) {
            if (!save(window.capture(), options.screenshot().get(), err)) {
                return EXIT_FAILED;
            }
        }
        window.show();
        return EXIT_OK;
    }

    /** Checks the frames the loop kept against the scalar reference and says what it found. */
    static boolean framesVerified(RenderLoop loop, PrintStream err) {
        List<RenderedFrame> frames = loop.framesToCheck();
        if (frames.isEmpty()) {
            err.println("raybench --view: no frame was rendered, so none could be checked");
            return true;
        }
        ImageChecks checks = ReferenceCheck.checkAll(loop.scene(), frames);
        err.println("raybench --view: image " + checks.summary());
        return checks.verified();
    }

    private static boolean save(BufferedImage image, Path file, PrintStream err) {
        try {
            PngWriter.write(image, file);
            err.println("raybench --view: saved " + file);
            return true;
        } catch (IOException e) {
            err.println("raybench --view: could not write " + file + ": " + e.getMessage());
            return false;
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
