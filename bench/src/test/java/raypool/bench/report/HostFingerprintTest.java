package raypool.bench.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostFingerprintTest {

    @Test
    void readsTheXenHostUuidFromTheInventory(@TempDir Path dir) throws IOException {
        Path inventory = Files.writeString(dir.resolve("xensource-inventory"),
            "PRIMARY_DISK='/dev/sda'\nINSTALLATION_UUID='0b9a6e94-5f35-4b7c-a7d1-3f1c2c1d9e0a'\nBUILD_NUMBER='1'\n");
        assertEquals(Optional.of("0b9a6e94-5f35-4b7c-a7d1-3f1c2c1d9e0a"), HostFingerprint.xenHostUuid(inventory));
        assertEquals(Optional.empty(), HostFingerprint.xenHostUuid(dir.resolve("none")));
    }

    @Test
    void theWidestVectorIsaFromTheCpuFlags() {
        assertEquals("avx512", HostFingerprint.cpuIsa("fpu sse2 avx avx2 fma avx512f avx512vl"));
        assertEquals("avx2", HostFingerprint.cpuIsa("fpu sse2 avx avx2 fma"));
        assertEquals("avx", HostFingerprint.cpuIsa("fpu sse2 avx"));
    }

    @Test
    void thisHostHasAFolderName() {
        String name = HostFingerprint.detect().folderName();
        assertEquals(true, name.matches("[a-z0-9-]+-(avx512|avx2|avx|sse|[a-z0-9_]+)-\\d+cpu"), name);
    }
}
