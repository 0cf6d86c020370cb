package raypool.engine.scene;

/** Validation shared by the scene records; messages name the field so importers can point at it. */
final class SceneChecks {

    private SceneChecks() {
    }

    static void inRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new InvalidSceneException(field, field + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    static void positive(String field, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new InvalidSceneException(field, field + " must be a positive number, got " + value);
        }
    }
}
