package raypool.bench.verify;

import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.RayCounts;
import raypool.engine.kernel.ScalarKernel;
import raypool.engine.scene.AnimatedScene;

/** Re-renders a frame with the scalar reference kernel on one thread and compares it pixel by pixel. */
public final class ImageVerifier {

    private ImageVerifier() {
    }

    public static Verification verify(FrameBuffer frame, AnimatedScene scene, int frameIndex,
                                      int allowedDiff, double requiredFraction) {
        FrameBuffer reference = new FrameBuffer(frame.width(), frame.height());
        new ScalarKernel().renderRows(SceneCompiler.compile(scene.frame(frameIndex), frame.width(), frame.height()),
            reference, 0, frame.height(), 1, new RayCounts());
        int[] a = frame.pixels(), b = reference.pixels();
        int max = 0;
        long within = 0;
        for (int i = 0; i < a.length; i++) {
            int d = maxChannelDiff(a[i], b[i]);
            max = Math.max(max, d);
            if (d <= allowedDiff) {
                within++;
            }
        }
        double fraction = (double) within / a.length;
        return new Verification(frame.sha256(), reference.sha256(), fraction >= requiredFraction, max, fraction,
            frameIndex);
    }

    static int maxChannelDiff(int p, int q) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((p >>> shift) & 0xFF) - ((q >>> shift) & 0xFF)));
        }
        return d;
    }
}
