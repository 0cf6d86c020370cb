package raypool.balancer.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PowerModelTest {
    @Test
    void tablePointsAndLinearInBetween() {
        assertEquals(86, PowerModel.G4.watts(0), 1e-9);
        assertEquals(117, PowerModel.G4.watts(1), 1e-9);
        assertEquals(102, PowerModel.G4.watts(0.5), 1e-9);
        assertEquals((102 + 106) / 2.0, PowerModel.G4.watts(0.55), 1e-9);
        assertEquals(135, PowerModel.G5.watts(1.0000001), 1e-9, "a rounding error over 100 % is clamped");
    }

    @Test
    void referenceFleetAlternatesG4AndG5() {
        var hosts = Fleet.referenceHosts(4);
        assertEquals(3720, hosts.get(0).capacityMips(), 1e-9);
        assertEquals(5320, hosts.get(1).capacityMips(), 1e-9);
        var vms = Fleet.referenceVms(java.util.List.of("a", "b", "c", "d", "e"));
        // ceil(5/4) = 2 per block: types 0,0,1,1,2
        assertEquals(2500, vms.get(1).mips(), 1e-9);
        assertEquals(2000, vms.get(2).mips(), 1e-9);
        assertEquals(1740, vms.get(4).ramMb());
    }

    @Test
    void twoPointsAreLinearBetweenIdleAndMax() {
        PowerModel p = PowerModel.of(50, 70);
        assertEquals(50, p.watts(0), 1e-9);
        assertEquals(60, p.watts(0.5), 1e-9);
        assertEquals(65.3, p.watts(0.765), 1e-9);
        assertEquals(70, p.maxWatts(), 1e-9);
        assertEquals(PowerModel.G4, PowerModel.of(PowerModel.G4.points()), "11 points are the curve itself");
    }

    @Test
    void curvesOfOtherLengthsOrThatFallAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PowerModel.of(50));
        assertThrows(IllegalArgumentException.class, () -> PowerModel.of(50, 60, 70));
        assertThrows(IllegalArgumentException.class, () -> PowerModel.of(70, 50));
        assertThrows(IllegalArgumentException.class, () -> PowerModel.of(-1, 50));
        assertThrows(IllegalArgumentException.class, () -> PowerModel.of(50, Double.NaN));
        PowerModel.of(60, 60);    // flat is allowed
    }

    @Test
    void theLeastSlopeFromIdleStaysUnderTheCurve() {
        // G4: (P(u) - 86) / u is least at full load, 31 W per unit of utilisation
        assertEquals(31, PowerModel.G4.leastWattsPerUtilization(), 1e-9);
        assertEquals(20, PowerModel.of(50, 70).leastWattsPerUtilization(), 1e-9);
        for (PowerModel p : new PowerModel[] {PowerModel.G4, PowerModel.G5}) {
            for (int i = 0; i <= 1000; i++) {
                double u = i / 1000.0;
                assertTrue(p.idleWatts() + p.leastWattsPerUtilization() * u <= p.watts(u) + 1e-9, p + " at " + u);
            }
        }
    }
}
