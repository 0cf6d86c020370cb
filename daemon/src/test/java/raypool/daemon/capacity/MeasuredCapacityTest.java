package raypool.daemon.capacity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.balancer.trace.InputException;
import raypool.daemon.PoolState;
import raypool.result.RaybenchResult;
import raypool.result.ResultCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasuredCapacityTest {

    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;

    /** A verified result of {@code threads} threads at {@code fpsFromCpu}, recorded on the host named. */
    public static RaybenchResult result(String cpu, Optional<String> hostname, Optional<String> uuid, int threads,
                                        double fpsFromCpu, boolean verified) {
        return RaybenchResult.builder()
            .scene("five", "five").size(800, 600).kernel("simd", "simd", Optional.of("avx2-8")).policy("dynamic")
            .threads(threads).frames(100, new RaybenchResult.Warmup(20, true))
            .timing(new RaybenchResult.Fps(fpsFromCpu, fpsFromCpu, fpsFromCpu), new RaybenchResult.FrameMs(1, 1, 1, 1),
                new RaybenchResult.CpuMs(1000 / fpsFromCpu, threads * 1000 / fpsFromCpu), fpsFromCpu, 1)
            .work(100, 2_600_000, new RaybenchResult.Rays(1, 1, 1, 1, 1))
            .flops(new RaybenchResult.Gflops(0.3, 1, 1, "m"), new RaybenchResult.Peak(100, "given", threads,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), 0.2)
            .vectorApi(new RaybenchResult.VectorApi(8, true, Optional.empty())).gc(new RaybenchResult.Gc(0, 0))
            .image(new RaybenchResult.Image("a", verified, 1, 1, "a", 99, Optional.of(verified ? 3 : 1), Optional.of(3),
                List.of()))
            .host(new RaybenchResult.Host(cpu, threads, "jvm", List.of(), "Linux", hostname, uuid, Optional.empty()))
            .provenance("c", false, "t").build();
    }

    private static PoolState.Host host(String key, String name, int threads, String uuid, String model) {
        return PoolState.Host.builder(key, name).size(threads, 64 * GIB, 32 * GIB)
            .identity(new PoolState.Identity(uuid, model)).build();
    }

    @Test
    void matchesByUuidThenNameThenCpuModelAndTheAverageThreadIsTheFallback() {
        var fast = new MeasuredCapacity.Result(Path.of("fast.json"),
            result("Fast CPU", Optional.of("other-name"), Optional.of("UUID-A"), 2, 400, true));   // 200 per thread
        var slow = new MeasuredCapacity.Result(Path.of("slow.json"),
            result("Slow CPU", Optional.of("host-b"), Optional.empty(), 2, 200, true));           // 100 per thread
        List<PoolState.Host> hosts = List.of(
            host("a", "host-a", 2, "uuid-a", "Fast CPU"),      // by uuid (case ignored)
            host("b", "host-b", 2, "uuid-b", "Other CPU"),     // by name
            host("c", "host-c", 2, "uuid-c", "Slow CPU"),      // by CPU model
            host("d", "host-d", 2, "uuid-d", "Unknown CPU"));  // fallback
        MeasuredCapacity.Capacities c = MeasuredCapacity.match(List.of(fast, slow), hosts);
        assertEquals(Optional.of("uuid"), c.of("a").matchedBy());
        assertEquals(Optional.of("hostname"), c.of("b").matchedBy());
        assertEquals(Optional.of("cpu-model"), c.of("c").matchedBy());
        // matched threads: 2 at 200 and 4 at 100: the average thread is 400/3 frames per CPU-second
        assertEquals(1000 * 200 / (800 / 6.0), c.of("a").threadMips(), 1e-9);
        assertEquals(1000 * 100 / (800 / 6.0), c.of("b").threadMips(), 1e-9);
        assertEquals(2.0, c.of("a").threadMips() / c.of("b").threadMips(), 1e-12, "twice as fast: twice the MIPS");
        assertEquals(MeasuredCapacity.HostCapacity.FALLBACK, c.of("d"));
        assertEquals(List.of("host-d"), c.fallbackHosts(hosts));
    }

    @Test
    void withoutResultsEveryHostKeepsTheFallback() {
        MeasuredCapacity.Capacities c = MeasuredCapacity.match(List.of(), List.of(host("a", "host-a", 4, "", "")));
        assertEquals(MeasuredCapacity.FALLBACK_THREAD_MIPS, c.of("a").threadMips());
    }

    @Test
    void anUnverifiedResultIsNoCapacityAndNamesItsFile() throws IOException {
        Path bad = Files.write(dir.resolve("bad.json"), ResultCodec.toBytes(
            result("CPU", Optional.empty(), Optional.empty(), 2, 100, false)));
        InputException e = assertThrows(InputException.class, () -> CapacityFiles.load(List.of(bad)));
        assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
        Path folder = Files.createDirectories(dir.resolve("results"));
        Files.write(folder.resolve("good.json"), ResultCodec.toBytes(
            result("CPU", Optional.empty(), Optional.empty(), 2, 100, true)));
        Files.writeString(folder.resolve("jmh.json"), "[]");
        assertEquals(1, CapacityFiles.load(List.of(folder)).size(), "a folder's other JSON files are passed over");
    }
}
