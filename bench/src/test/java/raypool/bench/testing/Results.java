package raypool.bench.testing;

import raypool.result.RaybenchResult;

import java.util.List;
import java.util.Optional;

/** Raybench results with chosen figures, for the tests of what reads result files. */
public final class Results {

    private Results() {
    }

    /** A result with the figures the assertions need; everything else plausible. */
    public static RaybenchResult simd(String cpu, int threads, double fps, double fpsFromCpu, String size, boolean verified,
                                 String scene) {
        String[] wh = size.split("x");
        return RaybenchResult.builder()
            .scene(scene, scene).size(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]))
            .kernel("simd", "simd", Optional.of("avx2-8")).policy("dynamic").threads(threads)
            .frames(100, new RaybenchResult.Warmup(20, true))
            .timing(new RaybenchResult.Fps(fps, fps * 0.5, fps * 1.1), new RaybenchResult.FrameMs(1, 2, 3, 4),
                new RaybenchResult.CpuMs(1000 / fpsFromCpu, threads * 1000 / fpsFromCpu), fpsFromCpu, 1.0)
            .work(fps * 2.6, 2_600_000, new RaybenchResult.Rays(1, 1, 1, 1, 1))
            .flops(new RaybenchResult.Gflops(0.32, 1, 1, "m"), new RaybenchResult.Peak(100, "given", threads,
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()), 0.2)
            .vectorApi(new RaybenchResult.VectorApi(8, true, Optional.empty()))
            .gc(new RaybenchResult.Gc(0, 0))
            .image(new RaybenchResult.Image("a", verified, verified ? 1 : 255, verified ? 1 : 0.5, "b", 99,
                Optional.of(verified ? 3 : 0), Optional.of(3), List.of()))
            .host(new RaybenchResult.Host(cpu, threads, "jvm", List.of(), "Linux", Optional.empty(), Optional.empty(),
                Optional.empty()))
            .provenance("c", false, "t")
            .sweep(List.of(
                new RaybenchResult.SweepPoint(1, fps / 1.9, fpsFromCpu / 1.9, 1, 1, 1, Optional.of(true), Optional.of(3), List.of()),
                new RaybenchResult.SweepPoint(threads, fps, fpsFromCpu, 1.9, 0.95, 1, Optional.of(true), Optional.of(3), List.of())))
            .build();
    }
}
