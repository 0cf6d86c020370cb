package raypool.bench.config;

import raypool.engine.kernel.KernelKind;
import raypool.engine.scene.AnimatedScene;
import raypool.engine.schedule.StripePolicy;

import java.nio.file.Path;
import java.util.Optional;

/** A validated raybench run: what to render, how, and where results go. */
public record BenchConfig(
    AnimatedScene scene,
    String sceneSource,
    int width,
    int height,
    int threads,
    StripePolicy policy,
    KernelKind kernel,
    /** Device index for device kernels (--device); 0 and unused for in-process kernels. */
    int device,
    int frames,
    int warmup,
    boolean sweep,
    Optional<Path> json,
    Optional<Path> csv,
    Optional<Path> png) {

    public BenchConfig withThreads(int n) {
        return new BenchConfig(scene, sceneSource, width, height, n, policy, kernel, device, frames, warmup, sweep, json, csv, png);
    }
}
