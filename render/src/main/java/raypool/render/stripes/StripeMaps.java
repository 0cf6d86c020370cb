package raypool.render.stripes;

import raypool.engine.frame.FrameBuffer;
import raypool.engine.schedule.FrameTiming;
import raypool.engine.schedule.StripePolicy;
import raypool.engine.verify.FramesNotVerifiedException;
import raypool.engine.verify.ImageChecks;
import raypool.engine.verify.ReferenceCheck;
import raypool.engine.verify.RenderedFrame;
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
     * {@code folder}; returns the files written, in policy order. Each policy's frame is checked against
     * the scalar reference first: a map tinting a wrong picture is not written (FramesNotVerifiedException).
     */
    public static List<Path> writeAll(SceneRenderer renderer, int frameIndex, int warmupFrames, Path folder)
        throws IOException {
        List<RenderedFrame> frames = new ArrayList<>();
        List<FrameStripes> stripes = new ArrayList<>();
        FrameBuffer frame = new FrameBuffer(renderer.width(), renderer.height());
        for (StripePolicy policy : StripePolicy.values()) {
            renderer.policy(policy);
            for (int i = 0; i < warmupFrames; i++) {
                renderer.render(frameIndex, frame);
            }
            FrameTiming timing = renderer.render(frameIndex, frame);
            stripes.add(FrameStripes.of(policy, timing));
            frames.add(RenderedFrame.copyOf(frameIndex, renderer.kernel(), frame));
        }
        ImageChecks checks = ReferenceCheck.checkAll(renderer.scene(), frames);
        if (!checks.verified()) {
            throw new FramesNotVerifiedException("the stripe maps' frames do not match the scalar reference", checks);
        }
        List<Path> written = new ArrayList<>();
        StripePolicy[] policies = StripePolicy.values();
        for (int p = 0; p < policies.length; p++) {
            Path file = folder.resolve("stripes-" + policies[p].label() + ".png");
            PngWriter.write(StripeMap.draw(frames.get(p).frame(), stripes.get(p)), file);
            written.add(file);
        }
        return written;
    }
}
