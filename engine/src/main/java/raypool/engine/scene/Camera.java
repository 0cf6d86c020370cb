package raypool.engine.scene;

/**
 * A pinhole camera looking from {@code position} at {@code target}. {@code fovDegrees} is kept from the
 * scene file but c-ray 1.1 ignores it (its field of view is fixed); so does raypool's c-ray camera.
 */
public record Camera(Vec3 position, double fovDegrees, Vec3 target) {

    public Camera {
        if (target.minus(position).length() == 0) {
            throw new InvalidSceneException("camera target", "camera target must differ from the camera position");
        }
        SceneChecks.inRange("fov", fovDegrees, 0, 180);
    }
}
