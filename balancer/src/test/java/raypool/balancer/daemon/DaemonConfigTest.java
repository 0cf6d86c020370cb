package raypool.balancer.daemon;

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
                "repeat-rounds = 0", "status-port = 99999", "nonsense", "unknown = 1", "audit ="}) {
            Files.writeString(f, "mode = recommend\n" + bad + "\n");
            var e = assertThrows(DaemonConfig.ConfigException.class, () -> DaemonConfig.read(f), bad);
            assertTrue(e.getMessage().startsWith(f + ":2: "), e.getMessage());
        }
    }
}
