package raypool.render.view;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XvfbServerTest {

    @Test
    void twoServersGetTwoFreeDisplaysAndStopWhenClosed() throws Exception {
        Path xvfb = XvfbServer.find().orElse(null);
        if (xvfb == null) {
            String why = "Xvfb is not installed";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + " (./scripts/test installs it through scripts/lib/deps.sh)");
            }
            Assumptions.abort(why);
        }
        Path first;
        try (XvfbServer a = XvfbServer.start(xvfb, 320, 240); XvfbServer b = XvfbServer.start(xvfb, 320, 240)) {
            assertTrue(a.display().matches(":\\d+"), a.display());
            assertNotEquals(a.display(), b.display(), "each server found a display of its own");
            first = socket(a.display());
            assertTrue(Files.exists(first), "Xvfb " + a.display() + " listens on " + first);
        }
        assertFalse(Files.exists(first), "the server is gone after close, and its socket with it");
    }

    private static Path socket(String display) {
        return Path.of("/tmp/.X11-unix", "X" + display.substring(1));
    }
}
