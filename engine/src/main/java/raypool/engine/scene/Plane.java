package raypool.engine.scene;

/** An infinite plane through {@code point} with unit {@code normal} (normalised on construction). */
public record Plane(Vec3 point, Vec3 normal, Material material) {

    public Plane {
        if (normal.length() == 0) {
            throw new InvalidSceneException("normal", "plane normal must not be zero");
        }
        normal = normal.normalized();
    }
}
