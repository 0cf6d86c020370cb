package raypool.render.view;

import java.util.Optional;

/**
 * The X display the window opens on: the user's ({@code DISPLAY}), or else a private Xvfb that lives as
 * long as this object. Closing it stops the Xvfb it started and restores the environment.
 */
public final class XDisplay implements AutoCloseable {

    private final String name;
    private final Optional<XvfbServer> ownServer;

    private XDisplay(String name, Optional<XvfbServer> ownServer) {
        this.name = name;
        this.ownServer = ownServer;
    }

    /**
     * @param mayStartXvfb whether a private Xvfb may stand in for a missing display: only for runs that end
     *                     by themselves, since nobody could see or close a window there
     */
    public static XDisplay acquire(boolean mayStartXvfb) throws NoDisplayException {
        return acquire(mayStartXvfb, XvfbServer.MIN_WIDTH, XvfbServer.MIN_HEIGHT);
    }

    /** As {@link #acquire(boolean)}, with a private screen big enough for a window of the size given. */
    public static XDisplay acquire(boolean mayStartXvfb, int width, int height) throws NoDisplayException {
        Optional<String> display = NativeEnvironment.get("DISPLAY");
        if (display.isPresent()) {
            return new XDisplay(display.get(), Optional.empty());
        }
        if (!mayStartXvfb) {
            throw new NoDisplayException("no display: DISPLAY is not set, so there is no screen for the window. "
                + "Run it in a desktop session, or add --frames N --screenshot FILE to render off-screen under Xvfb.");
        }
        var xvfb = XvfbServer.find().orElseThrow(() -> new NoDisplayException(
            "no display: DISPLAY is not set and Xvfb is not on the PATH, so there is no screen for the window. "
                + "Run it in a desktop session, or install Xvfb and Mesa's software OpenGL "
                + "(scripts/lib/install-deps.sh, or apt-get install xvfb libgl1-mesa-dri)."));
        XvfbServer server = XvfbServer.start(xvfb, width, height);
        NativeEnvironment.set("DISPLAY", server.display());
        // Xvfb has no GPU behind it: make Mesa use its software rasteriser (llvmpipe) straight away.
        if (NativeEnvironment.get("LIBGL_ALWAYS_SOFTWARE").isEmpty()) {
            NativeEnvironment.set("LIBGL_ALWAYS_SOFTWARE", "1");
        }
        return new XDisplay(server.display(), Optional.of(server));
    }

    public String name() {
        return name;
    }

    /** True when this display is a private Xvfb started for this run. */
    public boolean isPrivate() {
        return ownServer.isPresent();
    }

    @Override
    public void close() {
        ownServer.ifPresent(server -> {
            NativeEnvironment.unset("DISPLAY");
            server.close();
        });
    }
}
