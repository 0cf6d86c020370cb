package raypool.render.image;

import raypool.engine.frame.FrameBuffer;
import raypool.render.SceneRenderer;

import java.io.IOException;
import java.nio.file.Path;

/** The animation of a scene (the moving sphere of {@code five}) as a looping GIF. */
public final class SceneGif {

    /** 50 frames a second: the shortest delay (2/100 s) that browsers honour, close to five's 48 FPS motion. */
    public static final int DEFAULT_FRAME_DELAY_MILLIS = 20;

    private SceneGif() {
    }

    /** Renders frames 0..frames-1 and writes them to {@code file}; the file appears only when complete. */
    public static void write(SceneRenderer renderer, int frames, int frameDelayMillis, Path file) throws IOException {
        if (frames < 1) {
            throw new IllegalArgumentException("a GIF needs at least 1 frame, got " + frames);
        }
        FrameBuffer frame = new FrameBuffer(renderer.width(), renderer.height());
        AnimatedGifWriter gif = new AnimatedGifWriter(file, frameDelayMillis);
        try {
            for (int i = 0; i < frames; i++) {
                renderer.render(i, frame);
                gif.append(frame);
            }
            gif.close();
        } catch (IOException | RuntimeException e) {
            // A failed render must not leave a shorter animation behind as if it were complete.
            gif.abort();
            throw e;
        }
    }
}
