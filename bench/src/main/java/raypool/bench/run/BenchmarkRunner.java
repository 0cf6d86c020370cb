package raypool.bench.run;

import raypool.bench.config.BenchConfig;
import raypool.bench.config.BenchDefaults;
import raypool.engine.compile.CompiledScene;
import raypool.engine.compile.SceneCompiler;
import raypool.engine.frame.DoubleBuffer;
import raypool.engine.frame.FrameBuffer;
import raypool.engine.kernel.KernelFactory;
import raypool.engine.kernel.RayCounts;
import raypool.engine.schedule.FrameTiming;
import raypool.engine.schedule.RenderPool;
import raypool.engine.schedule.StripePlan;
import raypool.engine.verify.ReferenceCheck;
import raypool.engine.verify.RenderedFrame;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one benchmark: warm-up until the JIT has settled, then the measured frames. The scenes of the
 * measured frames are compiled before measuring starts, so the measured loop allocates nothing and
 * times nothing but rendering. Measured frames are always animation frames 0..N-1, so runs with
 * different warm-ups render exactly the same work.
 */
public final class BenchmarkRunner {

    private BenchmarkRunner() {
    }

    public static RunResult run(BenchConfig config, Progress progress) {
        int w = config.width(), h = config.height(), n = config.frames();
        CompiledScene[] measured = new CompiledScene[n];
        for (int i = 0; i < n; i++) {
            measured[i] = SceneCompiler.compile(config.scene().frame(i), w, h);
        }
        StripePlan plan = StripePlan.of(config.policy(), config.threads(), h);
        DoubleBuffer frames = new DoubleBuffer(w, h);
        // Copies of the frames that are checked against the reference (first, middle, last), allocated
        // now so the measured loop allocates nothing; the copy is made after a frame's timing ends.
        int[] samplePositions = ReferenceCheck.samplePositions(n);
        List<RenderedFrame> samples = new ArrayList<>();
        for (int position : samplePositions) {
            samples.add(new RenderedFrame(position, config.kernel(), new FrameBuffer(w, h)));
        }

        try (KernelFactory kernels = config.kernel().open(config.device());
             RenderPool pool = new RenderPool(config.threads(), kernels::newKernel)) {
            FrameCpu cpu = FrameCpu.of(config.kernel());
            progress.phase("warming up until frame times settle (" + config.kernel().label() + ", "
                + config.threads() + (config.threads() == 1 ? " thread)" : " threads)"), -1);
            var gate = new WarmupGate(config.warmup(), BenchDefaults.SETTLED_WINDOW,
                BenchDefaults.SETTLED_TOLERANCE, Math.max(BenchDefaults.WARMUP_LIMIT, config.warmup()));
            RayCounts discarded = new RayCounts();
            boolean done = config.warmup() == 0;
            for (int i = 0; !done; i++) {
                cpu.frameStarts();
                FrameTiming t = pool.render(measured[i % n], frames.back(), plan, discarded);
                frames.publish();
                progress.step();
                done = gate.settledAfter(cpu.slowestThread(t) > 0 ? cpu.slowestThread(t) : t.wallNanos);
            }

            // Start measuring with an empty young generation: start-up and warm-up allocate (class
            // loading, JIT, the progress bar), and their collection must not land in measured frames.
            System.gc();
            progress.phase("measuring", n);
            long[] wall = new long[n], maxCpu = new long[n], totalCpu = new long[n];
            double[] imbalance = new double[n];
            RayCounts counts = new RayCounts();
            long gcCountBefore = gcCollections(), gcTimeBefore = gcMillis();
            FrameTiming t = null;
            int nextSample = 0;
            for (int i = 0; i < n; i++) {
                cpu.frameStarts();
                t = pool.render(measured[i], frames.back(), plan, counts);
                wall[i] = t.wallNanos;
                maxCpu[i] = cpu.slowestThread(t);
                totalCpu[i] = cpu.allThreads(t);
                imbalance[i] = t.imbalance();
                if (nextSample < samplePositions.length && samplePositions[nextSample] == i) {
                    samples.get(nextSample++).frame().copyFrom(frames.back());
                }
                frames.publish();
                progress.step();
            }
            long gcCount = gcCollections() - gcCountBefore, gcTime = gcMillis() - gcTimeBefore;
            progress.close();
            return new RunResult(config, gate.framesSeen(), gate.isSettled() || config.warmup() == 0, wall, maxCpu,
                totalCpu, imbalance, counts, gcCount, gcTime, samples, t.busyNanos.clone(),
                t.rowOwner.clone(), kernels.description());
        }
    }

    private static long gcCollections() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionCount());
        }
        return sum;
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }
}
