package raypool.bench.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.Kernel;
import raypool.engine.kernel.KernelStages;

import java.util.concurrent.TimeUnit;

/**
 * Scalar against SIMD kernel on the benchmark scene at 800x600, per image: primary rays only (nearest
 * hit of every primary ray), primary rays with their shadow rays, and whole frames (shadows, shading,
 * four reflection levels). Thread counts are a parameter of each state. Every image is returned, so JMH
 * consumes it, and checked against the scalar reference when the trial ends (KernelState).
 *
 * <p>Run with ./scripts/jmh (JSON into the folder --out names, or results/<host>/jmh/ with --results); ./scripts/jmh -h lists JMH's options.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class KernelBenchmarks {

    public static class PrimaryRays extends KernelState {
        @Override
        Kernel stage(Kernel kernel) {
            KernelStages stages = (KernelStages) kernel;
            return stages::primaryHits;
        }

        @Override
        int tolerance() {
            return 0;
        }
    }

    public static class ShadowRays extends KernelState {
        @Override
        Kernel stage(Kernel kernel) {
            KernelStages stages = (KernelStages) kernel;
            return stages::primaryShadows;
        }

        @Override
        int tolerance() {
            return 0;
        }
    }

    public static class WholeFrame extends KernelState {
        @Override
        Kernel stage(Kernel kernel) {
            return kernel;
        }

        @Override
        int tolerance() {
            return 2;
        }
    }

    @Benchmark
    public FrameBuffer primaryRays(PrimaryRays state) {
        return state.render();
    }

    @Benchmark
    public FrameBuffer primaryAndShadowRays(ShadowRays state) {
        return state.render();
    }

    @Benchmark
    public FrameBuffer wholeFrame(WholeFrame state) {
        return state.render();
    }
}
