package raypool.render.view;

import java.awt.image.BufferedImage;
import java.util.function.Supplier;

/**
 * Sees every refresh of the window, for tests that need to look at the window between frames (the
 * unbuffered view half drawn). {@code capture} reads the window back; it is only valid during the call.
 */
@FunctionalInterface
public interface ViewObserver {

    ViewObserver NONE = (stats, capture) -> { };

    void refreshed(ViewStats stats, Supplier<BufferedImage> capture);
}
