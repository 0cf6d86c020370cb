package raypool.render.stripes;

import raypool.engine.frame.FrameBuffer;
import raypool.engine.schedule.FrameTiming;
import raypool.engine.schedule.StripePolicy;
import raypool.render.SceneRenderer;
import raypool.render.image.PngWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One stripe map per stripe policy, for the same scene, frame and thread count. */
public final class StripeMaps {

    /**
     * Frames rendered before the one that is drawn, so the busy times shown are those of compiled code, not
     * of the interpreter: the first frames of a fresh JVM are several times slower and their imbalance
     * says more about the JIT than about the stripes.
     */
    public static final int DEFAULT_WARMUP_FRAMES = 5;

    private StripeMaps() {
    }

    /**
     * Renders frame {@code frameIndex} under every policy and writes {@code stripes-<policy>.png} into
     * {@code folder}; returns the files written, in policy order.
     */
    public static List<Path> writeAll(SceneRenderer renderer, int frameIndex, int warmupFrames, Path folder)
        throws IOException {
        List<Path> written = new ArrayList<>();
        FrameBuffer frame = new FrameBuffer(renderer.width(), renderer.height());
        for (StripePolicy policy : StripePolicy.values()) {
            renderer.policy(policy);
            for (int i = 0; i < warmupFrames; i++) {
                renderer.render(frameIndex, frame);
            }
            FrameTiming timing = renderer.render(frameIndex, frame);
            FrameStripes stripes = FrameStripes.of(policy, timing);
            Path file = folder.resolve("stripes-" + policy.label() + ".png");
            PngWriter.write(StripeMap.draw(frame, stripes), file);
            written.add(file);
        }
        return written;
    }
}
