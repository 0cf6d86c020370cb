package raypool.engine.testing;

import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.Kernel;
import raypool.engine.kernel.RayCounts;
import raypool.engine.kernel.ScalarKernel;
import raypool.engine.scene.Scene;

/** Single-threaded renders for tests. */
public final class Renders {

    private Renders() {
    }

    public static FrameBuffer scalar(Scene scene, int width, int height) {
        return with(new ScalarKernel(), scene, width, height, new RayCounts());
    }

    public static FrameBuffer with(Kernel kernel, Scene scene, int width, int height, RayCounts counts) {
        FrameBuffer frame = new FrameBuffer(width, height);
        kernel.renderRows(SceneCompiler.compile(scene, width, height), frame, 0, height, 1, counts);
        return frame;
    }
}
