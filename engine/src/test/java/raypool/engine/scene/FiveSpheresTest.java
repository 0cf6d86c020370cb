package raypool.engine.scene;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FiveSpheresTest {

    private final FiveSpheres five = new FiveSpheres();

    @Test
    void onlyTheFifthSphereMovesAndOnlyUpFromItsRestingPlace() {
        Scene zero = five.frame(0);
        for (int f = 1; f < 2 * FiveSpheres.BOUNCE_PERIOD_FRAMES; f += 7) {
            Scene s = five.frame(f);
            for (int i = 0; i < s.spheres().size(); i++) {
                if (i != FiveSpheres.BOUNCING) {
                    assertEquals(zero.spheres().get(i), s.spheres().get(i));
                }
            }
            Vec3 c = s.spheres().get(FiveSpheres.BOUNCING).center();
            assertEquals(1.2, c.x());
            assertEquals(-2.0, c.z());
            assertTrue(c.y() >= 1.8 && c.y() <= 1.8 + FiveSpheres.BOUNCE_HEIGHT + 1e-12, "height " + c.y());
        }
        assertNotEquals(zero, five.frame(FiveSpheres.BOUNCE_PERIOD_FRAMES / 2));
    }

    @Test
    void animationIsAFunctionOfTheFrameIndexAndPeriodic() {
        assertEquals(five.frame(5), new FiveSpheres().frame(5));
        assertEquals(five.frame(5).spheres(), five.frame(5 + FiveSpheres.BOUNCE_PERIOD_FRAMES).spheres());
        assertEquals(1.8, five.frame(0).spheres().get(FiveSpheres.BOUNCING).center().y());
    }
}
