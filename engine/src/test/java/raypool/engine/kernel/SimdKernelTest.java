package raypool.engine.kernel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import raypool.engine.compile.CompiledScene;
import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.frame.FrameComparison;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.scene.Material;
import raypool.engine.scene.Plane;
import raypool.engine.scene.Scene;
import raypool.engine.scene.Vec3;
import raypool.engine.testing.IsaLevel;
import raypool.engine.testing.Renders;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The SIMD kernel against the double-precision reference, at whatever ISA level and lane count this JVM
 * runs with (the build runs this class once per x86 level, see engine/pom.xml and {@link IsaLevel}).
 */
@Tag("isa")
@ExtendWith(IsaLevel.class)
class SimdKernelTest {

    private static final FiveSpheres FIVE = new FiveSpheres();

    @BeforeEach
    void onlyWhereRaybenchRunsIt() {
        // Without FMA the kernel still computes the right image, with FloatVector.fma as a Java loop at
        // ~200x the scalar kernel's time: raybench runs the scalar kernel there (SimdSupportTest checks
        // that), and JdkMaskRoundTripTest still runs at that level.
        assumeTrue(SimdSupport.noSpeedReason().isEmpty(),
            () -> "raybench runs the scalar kernel here: " + SimdSupport.noSpeedReason().orElseThrow());
    }

    @Test
    void runsAtTheIsaTheBuildAskedFor() {
        String expected = System.getProperty(IsaLevel.EXPECTED);
        String vectorBytes = System.getProperty(IsaLevel.VECTOR_BYTES);
        assumeTrue(expected != null || vectorBytes != null,
            "no ISA level asked for (the default execution runs the CPU's best)");
        if (expected != null) {
            assertEquals(expected, VectorIsa.current().label());
        }
        if (vectorBytes != null) {
            assertEquals(Integer.parseInt(vectorBytes) / Float.BYTES, SimdKernel.lanes());
        }
        assertEquals(VectorIsa.current().lanes(), SimdKernel.lanes());
    }

    @ParameterizedTest(name = "{0}x{1} frame {2}")
    @CsvSource({
        "800, 600, 0",
        "800, 600, 30",
        "801, 7, 0",
        "161, 120, 48",
        "37, 29, 95",
        "3, 5, 10",
        "1, 1, 0",
    })
    void matchesTheScalarReferenceWithinTwoPerChannel(int width, int height, int frame) {
        Scene scene = FIVE.frame(frame);
        FrameBuffer reference = Renders.scalar(scene, width, height);
        FrameBuffer simd = Renders.with(new SimdKernel(), scene, width, height, new RayCounts());

        FrameComparison diff = FrameComparison.of(simd, reference);
        System.out.printf("simd (%d lanes) %dx%d frame %d: %d of %d pixels over 2, max channel diff %d%n",
            SimdKernel.lanes(), width, height, frame, diff.overTolerance(), diff.pixels(), diff.maxChannelDiff());
        assertTrue(diff.acceptable(), diff.toString());
    }

    @Test
    void fullFrameHasNoAcneOnlyRoundingAndSilhouettes() {
        Scene scene = FIVE.frame(0);
        FrameBuffer reference = Renders.scalar(scene, 800, 600);
        FrameBuffer simd = Renders.with(new SimdKernel(), scene, 800, 600, new RayCounts());
        // Self-shadowing acne would put ~8% of pixels off by tens; rounding and grazing rays at silhouettes
        // leave well under 0.05%.
        FrameComparison overOne = FrameComparison.of(simd, reference, 1);
        assertTrue(overOne.overTolerance() <= 240, overOne.toString());
    }

    @Test
    void countsTheSameWorkAsTheScalarKernel() {
        Scene scene = FIVE.frame(0);
        RayCounts scalar = new RayCounts();
        RayCounts simd = new RayCounts();
        Renders.with(new ScalarKernel(), scene, 800, 600, scalar);
        Renders.with(new SimdKernel(), scene, 800, 600, simd);
        System.out.printf("rays scalar %d/%d/%d tests %d hits %d; simd %d/%d/%d tests %d hits %d%n",
            scalar.primary, scalar.reflection, scalar.shadow, scalar.intersectionTests, scalar.shadedHits,
            simd.primary, simd.reflection, simd.shadow, simd.intersectionTests, simd.shadedHits);
        assertEquals(scalar.primary, simd.primary);
        // Float and double may disagree on a ray that grazes a silhouette: a few in a million.
        assertClose(scalar.reflection, simd.reflection, "reflection rays");
        assertClose(scalar.shadow, simd.shadow, "shadow rays");
        assertClose(scalar.shadedHits, simd.shadedHits, "shaded hits");
        assertClose(scalar.intersectionTests, simd.intersectionTests, "intersection tests");
    }

    @Test
    void pixelsDoNotDependOnWhichRowsAreRenderedTogether() {
        CompiledScene s = SceneCompiler.compile(FIVE.frame(7), 203, 40);
        FrameBuffer whole = new FrameBuffer(203, 40);
        new SimdKernel().renderRows(s, whole, 0, 40, 1, new RayCounts());
        FrameBuffer interleaved = new FrameBuffer(203, 40);
        SimdKernel kernel = new SimdKernel();
        kernel.renderRows(s, interleaved, 1, 40, 2, new RayCounts());
        kernel.renderRows(s, interleaved, 0, 40, 2, new RayCounts());
        assertArrayEquals(whole.pixels(), interleaved.pixels());
    }

    @Test
    void aPartialPacketWritesOnlyItsOwnRow() {
        int width = SimdKernel.lanes() + 3;
        CompiledScene s = SceneCompiler.compile(FIVE.frame(0), width, 3);
        FrameBuffer frame = new FrameBuffer(width, 3);
        Arrays.fill(frame.pixels(), 0x12345678);
        new SimdKernel().renderRows(s, frame, 1, 2, 1, new RayCounts());
        for (int x = 0; x < width; x++) {
            assertEquals(0x12345678, frame.rgb(x, 0), "row 0 untouched");
            assertEquals(0x12345678, frame.rgb(x, 2), "row 2 untouched");
            assertEquals(0xFF, frame.rgb(x, 1) >>> 24, "row 1 written, opaque");
        }
    }

    @Test
    void stagesAgreeWithTheScalarStagesOnNearlyAllPixels() {
        CompiledScene s = SceneCompiler.compile(FIVE.frame(12), 321, 97);
        FrameBuffer scalarHits = new FrameBuffer(321, 97), simdHits = new FrameBuffer(321, 97);
        new ScalarKernel().primaryHits(s, scalarHits, 0, 97, 1, new RayCounts());
        new SimdKernel().primaryHits(s, simdHits, 0, 97, 1, new RayCounts());
        FrameBuffer scalarLit = new FrameBuffer(321, 97), simdLit = new FrameBuffer(321, 97);
        new ScalarKernel().primaryShadows(s, scalarLit, 0, 97, 1, new RayCounts());
        new SimdKernel().primaryShadows(s, simdLit, 0, 97, 1, new RayCounts());

        assertTrue(FrameComparison.of(simdHits, scalarHits, 0).acceptable());
        assertTrue(FrameComparison.of(simdLit, scalarLit, 0).acceptable());
        // Not trivially equal: the images show several objects and both lit and shadowed points.
        assertTrue(Arrays.stream(scalarHits.pixels()).distinct().count() >= 4);
        assertTrue(Arrays.stream(scalarLit.pixels()).distinct().count() >= 3);
    }

    @Test
    void planesMatchTheScalarReferenceToo() {
        // five's spheres over a plane floor and a tilted back wall instead of the radius-10000 sphere:
        // the plane paths of intersection, shadow and surface code.
        Scene five = FIVE.frame(20);
        Scene withPlanes = new Scene(five.spheres().subList(1, five.spheres().size()),
            List.of(new Plane(new Vec3(0, 0, 0), new Vec3(0, 1, 0), new Material(0.5, 0.5, 0.5, 0, 0.3)),
                new Plane(new Vec3(0, 0, 12), new Vec3(0.1, 0, -1), new Material(0.3, 0.4, 0.8, 20, 0.2))),
            five.lights(), five.camera());
        FrameBuffer reference = Renders.scalar(withPlanes, 320, 240);
        FrameBuffer simd = Renders.with(new SimdKernel(), withPlanes, 320, 240, new RayCounts());
        FrameComparison diff = FrameComparison.of(simd, reference);
        assertTrue(diff.acceptable(), diff.toString());
        assertTrue(Arrays.stream(reference.pixels()).distinct().count() > 1000, "a scene with something in it");
    }

    private static void assertClose(long expected, long actual, String what) {
        assertTrue(Math.abs(expected - actual) <= Math.max(10, expected / 10_000),
            what + ": scalar " + expected + ", simd " + actual);
    }
}
