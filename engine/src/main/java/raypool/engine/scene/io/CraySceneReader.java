package raypool.engine.scene.io;

import raypool.engine.scene.Camera;
import raypool.engine.scene.InvalidSceneException;
import raypool.engine.scene.Material;
import raypool.engine.scene.Plane;
import raypool.engine.scene.PointLight;
import raypool.engine.scene.Scene;
import raypool.engine.scene.Sphere;
import raypool.engine.scene.Vec3;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the c-ray 1.1 scene format: one object per line, whitespace-separated, {@code #} comments.
 * <pre>
 *   s  x y z  radius  r g b  shininess  reflectivity      sphere
 *   l  x y z                                             point light
 *   c  x y z  fov  tx ty tz                              camera (exactly one)
 *   p  x y z  nx ny nz  r g b  shininess  reflectivity   plane (raypool's extension; c-ray has none)
 * </pre>
 * c-ray itself skips what it cannot parse; this reader refuses it instead, naming file, line and field,
 * because a benchmark run on a silently different scene is worse than no run.
 */
public final class CraySceneReader {

    private static final String[] SPHERE_FIELDS = {"type", "x", "y", "z", "radius", "red", "green", "blue",
        "shininess", "reflectivity"};
    private static final String[] LIGHT_FIELDS = {"type", "x", "y", "z"};
    private static final String[] CAMERA_FIELDS = {"type", "x", "y", "z", "fov", "target x", "target y", "target z"};
    private static final String[] PLANE_FIELDS = {"type", "x", "y", "z", "normal x", "normal y", "normal z", "red",
        "green", "blue", "shininess", "reflectivity"};

    private CraySceneReader() {
    }

    public static Scene read(Path file) throws SceneFormatException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SceneFormatException(file.toString(), 0, "", "not a UTF-8 text file");
        } catch (IOException e) {
            throw new SceneFormatException(file.toString(), 0, "", "cannot read the file: " + e);
        }
        return parse(file.toString(), text);
    }

    /** Parses scene text; {@code source} names it in error messages. */
    public static Scene parse(String source, String text) throws SceneFormatException {
        List<Sphere> spheres = new ArrayList<>();
        List<Plane> planes = new ArrayList<>();
        List<PointLight> lights = new ArrayList<>();
        Optional<Camera> camera = Optional.empty();
        int cameraLine = 0;

        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = stripComment(lines[i]).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] tokens = line.split("\\s+");
            try {
                switch (tokens[0]) {
                    case "s" -> {
                        var fields = LineFields.of(source, lineNo, tokens, SPHERE_FIELDS);
                        spheres.add(new Sphere(fields.vec(1), fields.number(4),
                            fields.material(5)));
                    }
                    case "l" -> {
                        var fields = LineFields.of(source, lineNo, tokens, LIGHT_FIELDS);
                        lights.add(new PointLight(fields.vec(1)));
                    }
                    case "c" -> {
                        var fields = LineFields.of(source, lineNo, tokens, CAMERA_FIELDS);
                        if (camera.isPresent()) {
                            throw new SceneFormatException(source, lineNo, "camera",
                                "a second camera (the first is on line " + cameraLine + ")");
                        }
                        camera = Optional.of(new Camera(fields.vec(1), fields.number(4), fields.vec(5)));
                        cameraLine = lineNo;
                    }
                    case "p" -> {
                        var fields = LineFields.of(source, lineNo, tokens, PLANE_FIELDS);
                        planes.add(new Plane(fields.vec(1), fields.vec(4), fields.material(7)));
                    }
                    default -> throw new SceneFormatException(source, lineNo, "type",
                        "unknown object type '" + tokens[0] + "' (expected s, l, c or p)");
                }
            } catch (InvalidSceneException e) {
                throw new SceneFormatException(source, lineNo, e.field(), e.getMessage());
            }
        }
        if (camera.isEmpty()) {
            throw new SceneFormatException(source, lines.length, "camera", "the scene has no camera line (c x y z fov tx ty tz)");
        }
        try {
            return new Scene(spheres, planes, lights, camera.get());
        } catch (InvalidSceneException e) {
            throw new SceneFormatException(source, lines.length, e.field(), e.getMessage());
        }
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    /** The tokens of one line, with conversions that report the field by name. */
    private record LineFields(String source, int line, String[] tokens, String[] names) {

        static LineFields of(String source, int line, String[] tokens, String[] names) throws SceneFormatException {
            if (tokens.length < names.length) {
                throw new SceneFormatException(source, line, names[tokens.length],
                    "missing (a '" + tokens[0] + "' line has " + (names.length - 1) + " numbers: "
                        + String.join(", ", java.util.Arrays.copyOfRange(names, 1, names.length)) + ")");
            }
            if (tokens.length > names.length) {
                throw new SceneFormatException(source, line, "", "unexpected extra value '" + tokens[names.length]
                    + "' after " + names[names.length - 1]);
            }
            return new LineFields(source, line, tokens, names);
        }

        double number(int index) throws SceneFormatException {
            String name = names[index];
            double value;
            try {
                value = Double.parseDouble(tokens[index]);
            } catch (NumberFormatException e) {
                throw new SceneFormatException(source, line, name, "not a number: '" + tokens[index] + "'");
            }
            if (!Double.isFinite(value)) {
                throw new SceneFormatException(source, line, name, "not a finite number: '" + tokens[index] + "'");
            }
            return value;
        }

        Vec3 vec(int first) throws SceneFormatException {
            return new Vec3(number(first), number(first + 1), number(first + 2));
        }

        Material material(int first) throws SceneFormatException {
            return new Material(number(first), number(first + 1), number(first + 2), number(first + 3),
                number(first + 4));
        }
    }
}
