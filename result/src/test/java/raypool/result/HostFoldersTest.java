package raypool.result;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostFoldersTest {

    @Test
    void namesCpuIsaAndCpusWithoutVendorMarks() {
        assertEquals("amd-epyc-avx512-2cpu", HostFolders.name("AMD EPYC", "avx512", 2));
        assertEquals("intel-xeon-avx512-2cpu", HostFolders.name("Intel(R) Xeon(R) Processor", "avx512", 2));
        assertEquals("intel-core-i3-2100-avx-4cpu", HostFolders.name("Intel(R) Core(TM) i3-2100 CPU @ 3.10GHz", "avx", 4));
        assertEquals("amd-epyc-7b13-64-core-avx2-2cpu", HostFolders.name("AMD EPYC 7B13 64-Core Processor", "avx2", 2));
        assertEquals("unknown-cpu-sse-1cpu", HostFolders.name("(R)", "sse", 1));
    }
}
