package raypool.engine.compile;

import raypool.engine.scene.Camera;
import raypool.engine.scene.Material;
import raypool.engine.scene.Plane;
import raypool.engine.scene.Scene;
import raypool.engine.scene.Sphere;
import raypool.engine.scene.Vec3;

import java.util.List;

/** Turns a {@link Scene} and an image size into the arrays the kernels read. */
public final class SceneCompiler {

    /** c-ray traces primary and reflection rays of this length; hits beyond it are missed. */
    public static final double RAY_LENGTH = 1000.0;
    /** c-ray 1.1's fixed field of view (pi/4); its half sets the image plane distance 1/(pi/8). */
    static final double HALF_FOV = Math.PI / 4 * 0.5;
    /** c-ray shifts the image centre up by 0.15 of the height: y runs from 0.65 down to -0.35. */
    static final double IMAGE_CENTRE_Y = 0.65;
    /** Below this, a highlight (R.L)^n is too small for any 8-bit channel to show. */
    static final double NEGLIGIBLE_SPECULAR = 1e-9;

    private SceneCompiler() {
    }

    public static CompiledScene compile(Scene scene, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
        }
        var b = new CompiledScene.Builder();
        b.width = width;
        b.height = height;
        compileSpheres(scene.spheres(), b);
        compilePlanes(scene.planes(), b);
        compileMaterials(scene, b);
        compileLights(scene, b);
        compileCamera(scene.camera(), width, height, b);
        return new CompiledScene(b);
    }

    private static void compileSpheres(List<Sphere> spheres, CompiledScene.Builder b) {
        int n = spheres.size();
        b.sphereX = new float[n];
        b.sphereY = new float[n];
        b.sphereZ = new float[n];
        b.sphereRadius = new float[n];
        b.sphereInvRadius = new float[n];
        b.sphereK = new float[n];
        for (int i = 0; i < n; i++) {
            Sphere s = spheres.get(i);
            Vec3 c = s.center();
            b.sphereX[i] = (float) c.x();
            b.sphereY[i] = (float) c.y();
            b.sphereZ[i] = (float) c.z();
            b.sphereRadius[i] = (float) s.radius();
            b.sphereInvRadius[i] = (float) (1.0 / s.radius());
            // From the float-rounded centre, so that K matches the centre the kernels use.
            double cx = b.sphereX[i], cy = b.sphereY[i], cz = b.sphereZ[i];
            b.sphereK[i] = (float) (cx * cx + cy * cy + cz * cz - s.radius() * s.radius());
        }
    }

    private static void compilePlanes(List<Plane> planes, CompiledScene.Builder b) {
        int n = planes.size();
        b.planeNx = new float[n];
        b.planeNy = new float[n];
        b.planeNz = new float[n];
        b.planeD = new float[n];
        for (int i = 0; i < n; i++) {
            Plane p = planes.get(i);
            b.planeNx[i] = (float) p.normal().x();
            b.planeNy[i] = (float) p.normal().y();
            b.planeNz[i] = (float) p.normal().z();
            b.planeD[i] = (float) p.normal().dot(p.point());
        }
    }

    private static void compileMaterials(Scene scene, CompiledScene.Builder b) {
        int n = scene.spheres().size() + scene.planes().size();
        b.red = new float[n];
        b.green = new float[n];
        b.blue = new float[n];
        b.shininess = new float[n];
        b.reflectivity = new float[n];
        b.specularCutoff = new float[n];
        int i = 0;
        for (Sphere s : scene.spheres()) {
            putMaterial(s.material(), i++, b);
        }
        for (Plane p : scene.planes()) {
            putMaterial(p.material(), i++, b);
        }
    }

    private static void putMaterial(Material m, int i, CompiledScene.Builder b) {
        b.red[i] = (float) m.red();
        b.green[i] = (float) m.green();
        b.blue[i] = (float) m.blue();
        b.shininess[i] = (float) m.shininess();
        b.reflectivity[i] = (float) m.reflectivity();
        b.specularCutoff[i] = m.shininess() > 0
            ? (float) Math.exp(Math.log(NEGLIGIBLE_SPECULAR) / m.shininess())
            : 2f;
    }

    private static void compileLights(Scene scene, CompiledScene.Builder b) {
        int n = scene.lights().size();
        b.lightX = new float[n];
        b.lightY = new float[n];
        b.lightZ = new float[n];
        for (int i = 0; i < n; i++) {
            Vec3 p = scene.lights().get(i).position();
            b.lightX[i] = (float) p.x();
            b.lightY[i] = (float) p.y();
            b.lightZ[i] = (float) p.z();
        }
    }

    /**
     * c-ray 1.1's camera, quirks kept so images match it: the fov field is ignored; the basis is
     * k = normalised view direction, i = (0,1,0) x k and j = k x i, neither normalised; the sample
     * point is (x/W - 0.5, -(y/H - 0.65)/aspect, 1/HALF_FOV) scaled by the ray length; and the camera
     * position is added to the rotated direction as well as to the origin.
     */
    private static void compileCamera(Camera camera, int width, int height, CompiledScene.Builder b) {
        Vec3 k = camera.target().minus(camera.position()).normalized();
        Vec3 i = new Vec3(0, 1, 0).cross(k);
        Vec3 j = k.cross(i);
        double aspect = (double) width / height;
        // direction(x, y) = M * (L * (x/W - 0.5), -L * (y/H - 0.65) / aspect, L / HALF_FOV) + position
        Vec3 base = i.times(-0.5 * RAY_LENGTH)
            .plus(j.times(RAY_LENGTH * IMAGE_CENTRE_Y / aspect))
            .plus(k.times(RAY_LENGTH / HALF_FOV))
            .plus(camera.position());
        Vec3 stepX = i.times(RAY_LENGTH / width);
        Vec3 stepY = j.times(-RAY_LENGTH / (height * aspect));
        put(camera.position(), b.cam);
        put(base, b.base);
        put(stepX, b.stepX);
        put(stepY, b.stepY);
    }

    private static void put(Vec3 v, float[] out) {
        out[0] = (float) v.x();
        out[1] = (float) v.y();
        out[2] = (float) v.z();
    }
}
