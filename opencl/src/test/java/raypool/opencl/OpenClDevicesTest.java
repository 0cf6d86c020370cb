package raypool.opencl;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import raypool.engine.kernel.ComputeDevice;
import raypool.engine.kernel.KernelKind;
import raypool.engine.kernel.KernelUnavailableException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing and choosing devices, through the engine's KernelKind as raybench does. */
class OpenClDevicesTest {

    @BeforeAll
    static void platform() {
        OpenClRequired.platformPresent();
    }

    @Test
    void listsEveryDeviceWithPlatformNameComputeUnitsAndMemory() {
        List<ComputeDevice> devices = KernelKind.OPENCL.devices();
        assertFalse(devices.isEmpty());
        for (int i = 0; i < devices.size(); i++) {
            ComputeDevice d = devices.get(i);
            System.out.println(d.describe());
            assertEquals(i, d.index());
            assertFalse(d.platform().isBlank());
            assertFalse(d.name().isBlank());
            assertTrue(d.computeUnits() > 0, d.describe());
            assertTrue(d.globalMemBytes() > 0, d.describe());
            assertTrue(d.describe().startsWith(i + ": " + d.platform() + " | " + d.name()), d.describe());
        }
    }

    @Test
    void badDeviceIndexSaysWhichIndicesExist() {
        int count = KernelKind.OPENCL.devices().size();
        var e = assertThrows(KernelUnavailableException.class, () -> KernelKind.OPENCL.open(count));
        assertTrue(e.getMessage().startsWith("no OpenCL device " + count + ": --device takes 0"), e.getMessage());
        assertTrue(e.getMessage().contains(KernelKind.OPENCL.devices().getFirst().name()), e.getMessage());
        assertThrows(KernelUnavailableException.class, () -> KernelKind.OPENCL.open(-1));
    }

    @Test
    void openedDeviceDescribesItselfAndItsPrecision() {
        try (var factory = KernelKind.OPENCL.open(0)) {
            ComputeDevice d = KernelKind.OPENCL.devices().getFirst();
            assertTrue(factory.description().contains(d.name()), factory.description());
            assertTrue(factory.description().endsWith(d.doublePrecision() ? "double" : "float"), factory.description());
        }
    }
}
