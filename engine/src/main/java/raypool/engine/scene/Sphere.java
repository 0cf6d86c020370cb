package raypool.engine.scene;

/** A sphere; c-ray's only primitive (its floor is a sphere of radius 10000). */
public record Sphere(Vec3 center, double radius, Material material) {

    public Sphere {
        SceneChecks.positive("radius", radius);
    }

    public Sphere movedTo(Vec3 newCenter) {
        return new Sphere(newCenter, radius, material);
    }
}
