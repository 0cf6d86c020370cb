package raypool.balancer.capacity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.balancer.model.HostSpec;
import raypool.balancer.model.PowerModel;
import raypool.balancer.trace.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RaybenchCapacityTest {
    @TempDir
    Path dir;

    /** A minimal verified result: fps_from_cpu frames/s on {@code threads} of {@code logical} CPUs. */
    static String result(int threads, int logical, double fpsFromCpu) {
        return """
                {"scene": "five", "width": 800, "height": 600, "kernel": "simd", "kernel_isa": "avx512-16",
                 "policy": "dynamic", "threads": %d, "fps": {"median": 1.0}, "fps_from_cpu": %s,
                 "cpu_ms": {"slowest_thread_median": 999}, "mrays_per_s": 10.0,
                 "image": {"verified": true, "frames_verified": 3, "frames_checked": 3},
                 "host": {"cpu_model": "Test CPU", "logical_cpus": %d}}""".formatted(threads, fpsFromCpu, logical);
    }

    private RaybenchCapacity.Measured read(String name, String json) throws IOException {
        return RaybenchCapacity.read(Files.writeString(dir.resolve(name), json));
    }

    @Test
    void aVmMovedToAHostTwiceAsFastNeedsHalfTheShare() throws IOException {
        RaybenchCapacity.Measured slow = read("slow.json", result(2, 2, 100));    // 50 frames per CPU-second per thread
        RaybenchCapacity.Measured fast = read("fast.json", result(2, 2, 200));    // 100
        RaybenchCapacity.Calibration c = RaybenchCapacity.Calibration.averageThread(List.of(slow, fast), List.of(1, 1));
        // average thread: (100 + 200) frames/s over 4 threads = 75 frames/s per thread = 2660 MIPS
        assertEquals(2660 / 75.0, c.mipsPerFramePerSecond(), 1e-12);
        HostSpec a = RaybenchCapacity.host(0, "slow", slow, c, 4096, 1000, PowerModel.G4);
        HostSpec b = RaybenchCapacity.host(1, "fast", fast, c, 4096, 1000, PowerModel.G5);
        assertEquals(2660 * 50 / 75.0, a.peMips(), 1e-9);
        assertEquals(2660 * 100 / 75.0, b.peMips(), 1e-9);
        assertEquals(2 * b.peMips(), b.capacityMips(), 1e-9);

        double demandMips = 0.5 * a.peMips();    // half a thread of the slow host
        assertEquals(0.25, demandMips / b.peMips(), 1e-12, "the same work is a quarter of a thread twice as fast");
        assertEquals(0.25, RaybenchCapacity.shareAfterMove(0.5, a.peMips(), b.peMips()), 1e-12);
        assertEquals(1.0, RaybenchCapacity.shareAfterMove(0.5, b.peMips(), a.peMips()), 1e-12, "and all of one back");
    }

    @Test
    void theFleetHasTheSameTotalWhetherThreadsAreCountedOrMeasured() throws IOException {
        RaybenchCapacity.Measured slow = read("slow.json", result(2, 2, 100));
        RaybenchCapacity.Measured fast = read("fast.json", result(2, 2, 200));
        RaybenchCapacity.Calibration c = RaybenchCapacity.Calibration.averageThread(List.of(slow, fast), List.of(3, 1));
        // 3 slow hosts and 1 fast: 500 frames/s on 8 threads, 62.5 per thread = 2660 MIPS
        assertEquals(2660 * 50 / 62.5, RaybenchCapacity.threadMips(slow, c), 1e-9);    // 2128
        assertEquals(2660 * 100 / 62.5, RaybenchCapacity.threadMips(fast, c), 1e-9);   // 4256
        double measured = 3 * 2 * RaybenchCapacity.threadMips(slow, c) + 2 * RaybenchCapacity.threadMips(fast, c);
        assertEquals(8 * RaybenchCapacity.AVERAGE_THREAD_MIPS, measured, 1e-9);
    }

    @Test
    void aRunOnFewerThreadsDescribesAHostOfThatManyThreads() throws IOException {
        RaybenchCapacity.Measured one = read("one.json", result(1, 2, 88));
        assertEquals(1, one.threads());
        assertEquals(2, one.logicalCpus());
        assertEquals(88, one.threadSpeed(), 1e-12);
        HostSpec h = RaybenchCapacity.host(0, "one", one, RaybenchCapacity.Calibration.of(one, 1000), 4096, 1000,
                PowerModel.G4);
        assertEquals(1, h.cores());
        assertEquals(1000, h.capacityMips(), 1e-9, "not extrapolated to the idle logical CPU");
    }

    @Test
    void cpuTimeSpeedComesFirstThenTheSlowestThreadThenWallClock() throws IOException {
        RaybenchCapacity.Measured fromCpu = read("a.json", result(2, 2, 240));
        assertEquals("fps_from_cpu", fromCpu.speedSource());
        assertEquals(120, fromCpu.threadSpeed(), 1e-12);
        RaybenchCapacity.Measured fromMs = read("b.json", result(2, 2, 240).replace("\"fps_from_cpu\": 240.0,", ""));
        assertEquals("cpu_ms.slowest_thread_median", fromMs.speedSource());
        assertEquals(1000 / 999.0, fromMs.hostSpeed(), 1e-12);
        RaybenchCapacity.Measured wall = read("c.json", result(2, 2, 240).replace("\"fps_from_cpu\": 240.0,", "")
                .replace("\"cpu_ms\": {\"slowest_thread_median\": 999},", ""));
        assertEquals("fps.median", wall.speedSource());
        assertEquals(1.0, wall.hostSpeed(), 1e-12);
    }

    @Test
    void theCommittedXeonResultReads() {
        Path xeon = Path.of("..", "results", "intel-xeon-avx512-2cpu", "raybench", "five-800x600-simd-dynamic-sweep.json");
        RaybenchCapacity.Measured m = RaybenchCapacity.read(xeon);
        assertEquals(2, m.threads());
        assertEquals(238.738 / 2, m.threadSpeed(), 1e-9);
        assertEquals("five 800x600, kernel simd, policy dynamic", m.workload());
        assertTrue(m.cpuModel().contains("Xeon"), m.cpuModel());
    }

    @Test
    void unverifiedAndBrokenResultsAreRefusedNamingTheFile() throws IOException {
        String good = result(2, 2, 100);
        String[][] cases = {
                {"image.verified is not true", good.replace("\"verified\": true", "\"verified\": false")},
                {"image.verified is not true", good.replace("\"verified\": true, ", "")},
                {"frames_verified 2 of 3", good.replace("\"frames_verified\": 3", "\"frames_verified\": 2")},
                {"sweep point at 1 threads is not verified", good.replace("\"host\"",
                        "\"sweep\": [{\"threads\": 1, \"verified\": false}], \"host\"")},
                {"threads 2 exceed host.logical_cpus 1", result(2, 1, 100)},
                {"threads must be an integer >= 1", good.replace("\"threads\": 2", "\"threads\": 0")},
                {"no positive speed", result(2, 2, 0).replace("\"slowest_thread_median\": 999", "\"slowest_thread_median\": 0")
                        .replace("\"median\": 1.0", "\"median\": 0")},
                {"not a raybench result", good.replace("\"kernel\": \"simd\",", "")},
                {"not a raybench result", "[1, 2]"},
                {"not a raybench result", "{\"threads\": "},
        };
        for (String[] c : cases) {
            Path file = Files.writeString(dir.resolve("bad.json"), c[1]);
            InputException e = assertThrows(InputException.class, () -> RaybenchCapacity.read(file), c[0]);
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(c[0]), () -> c[0] + ": " + e.getMessage());
        }
        InputException missing = assertThrows(InputException.class, () -> RaybenchCapacity.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("none.json: cannot read the raybench result: no such file"), missing.getMessage());
    }
}
