package raypool.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsAreTheDocumentedOnes() {
        DaemonConfig c = DaemonConfig.defaults();
        assertEquals(DaemonConfig.Mode.RECOMMEND, c.mode());
        assertEquals(Duration.ofSeconds(60), c.interval());
        assertEquals(3, c.repeatRounds());
        assertEquals(Duration.ofHours(1), c.cooldown());
        assertEquals(2, c.maxConcurrent());
        assertEquals(8481, c.statusPort());
        assertEquals("wlb-density", c.policy());
        assertEquals(false, c.powerManagement());
        assertEquals(Duration.ofMinutes(5), c.leaseTtl());
        assertEquals(12, c.zeroCpuSamples());
    }

    @Test
    void listsPinsAndTheOldOptimisationKey() throws Exception {
        Path f = dir.resolve("d.conf");
        Files.writeString(f, "optimisation = performance\nignored-vm-tags = no-balance, pinned ,\n"
                + "host-pin.host-2 = " + "ab".repeat(32) + "\nexcluded-hosts = host-3\npower-management = on\n");
        DaemonConfig c = DaemonConfig.read(f);
        assertEquals("wlb-performance", c.policy());
        assertEquals(java.util.List.of("no-balance", "pinned"), c.ignoredVmTags());
        assertEquals(java.util.Map.of("host-2", "ab".repeat(32)), c.hostPins());
        assertEquals(java.util.List.of("host-3"), c.excludedHosts());
        assertTrue(c.powerManagement());
    }

    @Test
    void fileOverridesDefaults() throws Exception {
        Path f = dir.resolve("d.conf");
        Files.writeString(f, "# daemon\n\nmode = Automatic   # apply\ncooldown = 90m\nmax-concurrent=4\ninterval = 500ms\n");
        DaemonConfig c = DaemonConfig.read(f);
        assertEquals(DaemonConfig.Mode.AUTOMATIC, c.mode());
        assertEquals(Duration.ofMinutes(90), c.cooldown());
        assertEquals(4, c.maxConcurrent());
        assertEquals(Duration.ofMillis(500), c.interval());
    }

    @Test
    void badLinesNameFileAndLine() throws Exception {
        Path f = dir.resolve("d.conf");
        for (String bad : new String[] {"interval = 0s", "interval = soon", "cpu-critical = 2", "mode = never",
                "repeat-rounds = 0", "status-port = 99999", "nonsense", "unknown = 1", "audit =", "policy = magic",
                "host-pin.h = zz", "power-management = maybe", "power-off-below = 0.9", "lease-holder = a;b"}) {
            Files.writeString(f, "mode = recommend\n" + bad + "\n");
            var e = assertThrows(DaemonConfig.ConfigException.class, () -> DaemonConfig.read(f), bad);
            assertTrue(e.getMessage().startsWith(f + ":2: "), e.getMessage());
        }
    }
}
