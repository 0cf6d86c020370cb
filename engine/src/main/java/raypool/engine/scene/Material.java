package raypool.engine.scene;

/**
 * Surface properties in c-ray's shading model: diffuse colour (each channel 0..1), Phong exponent
 * (0 = no highlight) and mirror reflectivity (0 = none, 1 = perfect mirror).
 */
public record Material(double red, double green, double blue, double shininess, double reflectivity) {

    public Material {
        SceneChecks.inRange("colour red", red, 0, 1);
        SceneChecks.inRange("colour green", green, 0, 1);
        SceneChecks.inRange("colour blue", blue, 0, 1);
        SceneChecks.inRange("shininess", shininess, 0, 10_000);
        SceneChecks.inRange("reflectivity", reflectivity, 0, 1);
    }
}
