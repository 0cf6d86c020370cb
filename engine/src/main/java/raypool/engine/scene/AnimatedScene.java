package raypool.engine.scene;

/**
 * A scene as a function of the frame index: deterministic, so any frame can be rendered again (by the
 * reference kernel that verifies a run, or by another host) and give the same image.
 */
public interface AnimatedScene {

    /** Short name for results and file names, e.g. {@code five} or the scene file's name. */
    String name();

    Scene frame(int index);

    /** A scene that does not move. */
    static AnimatedScene still(String name, Scene scene) {
        return new AnimatedScene() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Scene frame(int index) {
                return scene;
            }
        };
    }
}
