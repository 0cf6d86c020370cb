package raypool.engine.scene;

import java.util.List;

/**
 * The benchmark scene: five spheres over a floor, two lights, the geometry of the reference
 * {@code five.scn}. The raised fifth sphere bounces: its height is a function of the frame index only,
 * and frame 0 is {@code five.scn} exactly.
 */
public final class FiveSpheres implements AnimatedScene {

    /** Index of the moving sphere in {@link Scene#spheres()} (the floor is sphere 0). */
    public static final int BOUNCING = 5;
    /** Frames per bounce: two seconds of animation at 48 FPS. */
    public static final int BOUNCE_PERIOD_FRAMES = 96;
    /** How high the sphere rises above its resting height of 1.8. */
    public static final double BOUNCE_HEIGHT = 1.5;

    private static final Material SPHERE_SHINE = new Material(0, 0, 0, 50, 0.5);
    private static final Vec3 REST = new Vec3(1.2, 1.8, -2.0);
    private static final Scene FRAME_ZERO = new Scene(
        List.of(
            new Sphere(new Vec3(0, -10000, 0), 10000, new Material(0.5, 0.5, 0.5, 0.0, 0.3)),
            sphere(-2.4, 1.0, 0.0, 1.0, 1.0, 0.2, 0.2),
            sphere(0.0, 1.0, 1.5, 1.0, 0.2, 1.0, 0.2),
            sphere(2.4, 1.0, 0.0, 1.0, 0.2, 0.2, 1.0),
            sphere(-1.2, 0.7, -2.2, 0.7, 1.0, 1.0, 0.2),
            sphere(REST.x(), REST.y(), REST.z(), 0.7, 0.9, 0.9, 0.9)),
        List.of(),
        List.of(new PointLight(new Vec3(-10, 20, -10)), new PointLight(new Vec3(10, 15, -20))),
        new Camera(new Vec3(0, 6, -20), 45, new Vec3(0, 1, 0)));

    @Override
    public String name() {
        return "five";
    }

    @Override
    public Scene frame(int index) {
        if (index == 0) {
            return FRAME_ZERO;
        }
        return FRAME_ZERO.withSphereAt(BOUNCING, positionAt(index));
    }

    /** A ball bouncing on an invisible floor at its resting height: |sin| gives the hard bounce. */
    public static Vec3 positionAt(int frame) {
        double phase = Math.PI * Math.floorMod(frame, BOUNCE_PERIOD_FRAMES) / BOUNCE_PERIOD_FRAMES;
        return new Vec3(REST.x(), REST.y() + BOUNCE_HEIGHT * Math.abs(Math.sin(phase)), REST.z());
    }

    private static Sphere sphere(double x, double y, double z, double radius, double r, double g, double b) {
        return new Sphere(new Vec3(x, y, z), radius,
            new Material(r, g, b, SPHERE_SHINE.shininess(), SPHERE_SHINE.reflectivity()));
    }
}
