package raypool.balancer.capacity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.PowerModel;
import raypool.balancer.trace.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RaybenchCapacityTest {
    @TempDir
    Path dir;

    @Test
    void fasterHostGetsMoreCapacityWhateverItsCoreCount() throws IOException {
        Path small = Files.writeString(dir.resolve("a.json"), """
                {"threads": 8, "mrays_per_s": 40.0, "host": {"cpu_model": "Old 8-core", "logical_cpus": 8}}""");
        Path big = Files.writeString(dir.resolve("b.json"), """
                {"threads": 4, "mrays_per_s": 30.0, "host": {"cpu_model": "New 4-core", "logical_cpus": 4}}""");
        HostSpec a = RaybenchCapacity.host(0, RaybenchCapacity.read(small), 100, 4096, 1000, PowerModel.G5);
        HostSpec b = RaybenchCapacity.host(1, RaybenchCapacity.read(big), 100, 4096, 1000, PowerModel.G5);
        assertEquals(4000, a.capacityMips(), 1e-9);
        assertEquals(500, a.peMips(), 1e-9);
        assertEquals(3000, b.capacityMips(), 1e-9);
        assertEquals(750, b.peMips(), 1e-9, "fewer, faster cores: more per core");
        assertEquals("New 4-core", b.model());
    }

    @Test
    void fpsAndRaysPerFrameStandInForThroughputAndShortRunsExtrapolate() throws IOException {
        Path json = Files.writeString(dir.resolve("c.json"), """
                {"threads": 2, "fps": {"median": 50}, "rays_per_frame": 480000,
                 "host": {"cpu_model": "x", "logical_cpus": 4}}""");
        RaybenchCapacity.Measured m = RaybenchCapacity.read(json);
        assertEquals(24.0, m.mraysPerSecond(), 1e-9);
        assertEquals(48.0, m.hostMraysPerSecond(), 1e-9);
    }

    @Test
    void badResultNamesTheFile() throws IOException {
        Path json = Files.writeString(dir.resolve("d.json"), "{\"threads\": 2, \"host\": {\"logical_cpus\": 4}}");
        InputException e = assertThrows(InputException.class, () -> RaybenchCapacity.read(json));
        assertEquals(true, e.getMessage().startsWith(json.toString()));
    }
}
