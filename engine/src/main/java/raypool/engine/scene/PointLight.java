package raypool.engine.scene;

/** A white point light without attenuation, as c-ray has. */
public record PointLight(Vec3 position) {
}
