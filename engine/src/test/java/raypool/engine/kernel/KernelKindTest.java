package raypool.engine.kernel;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kernel registry, as the engine sees it: without the opencl module on its class path. */
class KernelKindTest {

    @Test
    void namesParseCaseInsensitively() {
        assertEquals(KernelKind.OPENCL, KernelKind.parse("OpenCL"));
        assertEquals(KernelKind.SCALAR, KernelKind.parse("scalar"));
        var e = assertThrows(IllegalArgumentException.class, () -> KernelKind.parse("cuda"));
        assertTrue(e.getMessage().contains("scalar") && e.getMessage().contains("opencl"), e.getMessage());
    }

    @Test
    void inProcessKernelsOpenWithoutADeviceAndMakeOneInstancePerThread() {
        assertFalse(KernelKind.SCALAR.needsDevice());
        assertTrue(KernelKind.SCALAR.devices().isEmpty());
        try (KernelFactory f = KernelKind.SCALAR.open(0)) {
            assertEquals("scalar", f.description());
            Kernel a = f.newKernel(), b = f.newKernel();
            assertInstanceOf(ScalarKernel.class, a);
            assertNotSame(a, b);
        }
    }

    @Test
    void deviceKernelsAreOpenedNotConstructedAndSayWhenTheirModuleIsMissing() {
        assertTrue(KernelKind.OPENCL.needsDevice());
        var e = assertThrows(IllegalStateException.class, KernelKind.OPENCL::newKernel);
        assertTrue(e.getMessage().contains("KernelKind.open"), e.getMessage());
        var missing = assertThrows(KernelUnavailableException.class, KernelKind.OPENCL::devices);
        assertTrue(missing.getMessage().contains("not on the class path"), missing.getMessage());
        assertThrows(KernelUnavailableException.class, () -> KernelKind.OPENCL.open(0));
    }
}
