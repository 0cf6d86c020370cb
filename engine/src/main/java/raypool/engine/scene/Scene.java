package raypool.engine.scene;

import java.util.List;

/** A whole scene: immutable, validated, independent of image size. Compiled once per frame for kernels. */
public record Scene(List<Sphere> spheres, List<Plane> planes, List<PointLight> lights, Camera camera) {

    /** Kernels keep per-light state in fixed arrays; c-ray has the same limit. */
    public static final int MAX_LIGHTS = 16;

    public Scene {
        spheres = List.copyOf(spheres);
        planes = List.copyOf(planes);
        lights = List.copyOf(lights);
        if (spheres.isEmpty() && planes.isEmpty()) {
            throw new InvalidSceneException("objects", "a scene needs at least one sphere or plane");
        }
        if (lights.size() > MAX_LIGHTS) {
            throw new InvalidSceneException("lights", "at most " + MAX_LIGHTS + " lights, got " + lights.size());
        }
    }

    /** The same scene with sphere {@code index} moved to {@code center}. */
    public Scene withSphereAt(int index, Vec3 center) {
        var moved = new java.util.ArrayList<>(spheres);
        moved.set(index, spheres.get(index).movedTo(center));
        return new Scene(moved, planes, lights, camera);
    }
}
