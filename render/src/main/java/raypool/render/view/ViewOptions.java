package raypool.render.view;

import raypool.engine.scene.AnimatedScene;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How {@code raybench --view} runs.
 *
 * @param frameLimit  frames to render before closing by itself; 0 runs until Esc or the window is closed
 * @param screenshot  where to save what the window shows when the frame limit is reached
 * @param saveFolder  where the S key saves pictures
 */
public record ViewOptions(AnimatedScene scene, int width, int height, ViewSettings settings, long frameLimit,
                          Optional<Path> screenshot, Path saveFolder) {

    public ViewOptions {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("window size must be at least 1x1, got " + width + "x" + height);
        }
        if (frameLimit < 0) {
            throw new IllegalArgumentException("frames must not be negative, got " + frameLimit);
        }
        if (screenshot.isPresent() && frameLimit == 0) {
            throw new IllegalArgumentException("--screenshot needs --frames N: the picture is taken after frame N");
        }
    }
}
