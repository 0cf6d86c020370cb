package raypool.render.image;

import raypool.engine.frame.FrameBuffer;
import raypool.engine.verify.FramesNotVerifiedException;
import raypool.engine.verify.ImageChecks;
import raypool.engine.verify.ReferenceCheck;
import raypool.engine.verify.RenderedFrame;
import raypool.render.SceneRenderer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The animation of a scene (the moving sphere of {@code five}) as a looping GIF. */
public final class SceneGif {

    /** 50 frames a second: the shortest delay (2/100 s) that browsers honour, close to five's 48 FPS motion. */
    public static final int DEFAULT_FRAME_DELAY_MILLIS = 20;

    private SceneGif() {
    }

    /**
     * Renders frames 0..frames-1 and writes them to {@code file}; the file appears only when complete and
     * when the first, middle and last frames match the scalar reference (else FramesNotVerifiedException,
     * and no file). Returns the frames checked.
     */
    public static ImageChecks write(SceneRenderer renderer, int frames, int frameDelayMillis, Path file)
        throws IOException {
        if (frames < 1) {
            throw new IllegalArgumentException("a GIF needs at least 1 frame, got " + frames);
        }
        FrameBuffer frame = new FrameBuffer(renderer.width(), renderer.height());
        AnimatedGifWriter gif = new AnimatedGifWriter(file, frameDelayMillis);
        int[] checked = ReferenceCheck.samplePositions(frames);
        List<RenderedFrame> samples = new ArrayList<>();
        try {
            for (int i = 0; i < frames; i++) {
                renderer.render(i, frame);
                if (samples.size() < checked.length && checked[samples.size()] == i) {
                    samples.add(RenderedFrame.copyOf(i, renderer.kernel(), frame));
                }
                gif.append(frame);
            }
            ImageChecks checks = ReferenceCheck.checkAll(renderer.scene(), samples);
            if (!checks.verified()) {
                throw new FramesNotVerifiedException("the GIF's frames do not match the scalar reference", checks);
            }
            gif.close();
            return checks;
        } catch (IOException | RuntimeException e) {
            // A failed render must not leave a shorter animation behind as if it were complete.
            gif.abort();
            throw e;
        }
    }
}
