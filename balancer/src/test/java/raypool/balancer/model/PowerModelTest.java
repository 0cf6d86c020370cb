package raypool.balancer.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
