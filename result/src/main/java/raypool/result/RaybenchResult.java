package raypool.result;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Optional;

/**
 * One raybench result file, as written by raybench and read back by {@code raybench compare}, the results
 * summaries and the balancer's capacity mapping: one record per JSON object, component names in
 * snake_case on disk ({@link ResultCodec} is the only codec). Field names are a contract other tools rely
 * on: add freely, never rename. Components marked "absent in older files" are empty when a result written
 * before they existed is read.
 *
 * <p>Build one with {@link #builder()}; the canonical constructor is the codec's.
 *
 * @param scene         scene name ({@code five}, or a scene file's base name)
 * @param sceneSource   what --scene named
 * @param kernel        {@code simd}, {@code scalar} or {@code opencl}
 * @param kernelDevice  what rendered: the kernel, with the device for a device kernel
 * @param kernelIsa     the instruction set and float lanes the kernel ran on, e.g. {@code avx2-8} (absent in
 *                      older files)
 * @param threads       worker threads (with a sweep, the largest count)
 * @param fpsFromCpu    frames per second from the slowest thread's CPU time per frame (what an idle host does)
 * @param imbalance     slowest / mean thread busy time, median over frames
 * @param fractionOfPeak GFLOP/s (CPU time based) over the measured peak of the cores used
 * @param sweep         one point per thread count with --sweep, else empty
 */
public record RaybenchResult(
    String scene,
    String sceneSource,
    int width,
    int height,
    String kernel,
    String kernelDevice,
    Optional<String> kernelIsa,
    String policy,
    int threads,
    int frames,
    Warmup warmup,
    Fps fps,
    FrameMs frameMs,
    CpuMs cpuMs,
    double fpsFromCpu,
    double mraysPerS,
    long raysPerFrame,
    Rays rays,
    double imbalance,
    Gflops gflops,
    Peak peakGflops,
    double fractionOfPeak,
    VectorApi vectorApi,
    Gc gc,
    Image image,
    Host host,
    String gitCommit,
    boolean gitDirty,
    String timestamp,
    List<SweepPoint> sweep) {

    public RaybenchResult {
        sweep = sweep == null ? List.of() : List.copyOf(sweep);
        kernelIsa = kernelIsa == null ? Optional.empty() : kernelIsa;
    }

    /** Warm-up frames rendered before measuring, and whether frame times had settled. */
    public record Warmup(int frames, boolean settled) {
    }

    /** Frames per second over the measured frames (wall clock). */
    public record Fps(double median, double min, double max) {
    }

    /** Wall milliseconds per frame. */
    public record FrameMs(double p50, double p90, double p99, double max) {
    }

    /** CPU milliseconds per frame: of the slowest thread, and of all threads (medians over frames). */
    public record CpuMs(double slowestThreadMedian, double allThreadsMedian) {
    }

    /** Work counted over the measured frames. */
    public record Rays(long primary, long reflection, long shadow, long intersectionTests, long shadedHits) {
    }

    /** Useful GFLOP per frame and per second, and the model the count follows. */
    public record Gflops(double perFrame, @JsonProperty("per_s_wall") double perSWall,
                         @JsonProperty("per_s_cpu") double perSCpu, String model) {
    }

    /**
     * The single-precision peak of one core the fraction divides by.
     *
     * @param source "measured" or "given"
     * @param cores  cores (threads) the fraction counts
     * @param form   "fma", "mul+add" or "given" (absent in older files)
     * @param rounds rounds timed (absent in older files)
     * @param spread (max - min) / median of the rounds (absent in older files)
     */
    public record Peak(double perCore, String source, int cores, Optional<String> form, Optional<Integer> rounds,
                       Optional<Double> min, Optional<Double> max, Optional<Double> spread) {
    }

    /** Vector API facts of the JVM that ran: float lanes, and why SIMD gives no speed where it does not. */
    public record VectorApi(int floatLanes, boolean givesSpeed, Optional<String> whyNot) {
    }

    /** Garbage collections during the measured frames. */
    public record Gc(long collections, long pauseMs) {
    }

    /**
     * The frames checked against the scalar reference.
     *
     * @param sha256          of the last frame
     * @param verified        every frame checked matches (of every thread count with a sweep)
     * @param maxChannelDiff  worst channel difference of the frames checked
     * @param fractionWithin2 smallest share of pixels within 2 of the frames checked
     * @param frameIndex      the last frame's index in the animation
     * @param framesVerified  frames found right (absent in older files, which checked the last frame only)
     * @param framesChecked   frames checked (absent in older files)
     * @param frames          each frame checked of the run (absent in older files)
     */
    public record Image(String sha256, boolean verified, int maxChannelDiff,
                        @JsonProperty("fraction_within_2") double fractionWithin2,
                        String referenceSha256, int frameIndex, Optional<Integer> framesVerified,
                        Optional<Integer> framesChecked, List<CheckedFrame> frames) {

        public Image {
            frames = frames == null ? List.of() : List.copyOf(frames);
        }

        /** Frames found right, 1 or 0 for an older file that checked the last frame only. */
        public int framesVerifiedOrLast() {
            return framesVerified.orElse(verified ? 1 : 0);
        }
    }

    /** One frame checked against the reference. */
    public record CheckedFrame(int frameIndex, boolean verified, int maxChannelDiff,
                               @JsonProperty("fraction_within_2") double fractionWithin2,
                               String sha256) {
    }

    /**
     * The machine a result was measured on.
     *
     * @param hostname    the host's name (absent in older files)
     * @param xenHostUuid the XenServer / XCP-ng host UUID from /etc/xensource-inventory, on such a host
     * @param fingerprint CPU model, ISA and logical CPUs as one folder-safe name, e.g.
     *                    {@code amd-epyc-avx512-2cpu} (absent in older files)
     */
    public record Host(String cpuModel, int logicalCpus, String jvm, List<String> jvmFlags, String os,
                       Optional<String> hostname, Optional<String> xenHostUuid, Optional<String> fingerprint) {

        public Host {
            jvmFlags = jvmFlags == null ? List.of() : List.copyOf(jvmFlags);
        }
    }

    /** One thread count of a sweep. */
    public record SweepPoint(int threads, double fps, double fpsFromCpu, double speedup, double efficiency,
                             double imbalance, Optional<Boolean> verified, Optional<Integer> framesVerified,
                             List<CheckedFrame> frames) {

        public SweepPoint {
            frames = frames == null ? List.of() : List.copyOf(frames);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Names every component, so that code building a result never depends on their order. */
    public static final class Builder {
        private String scene;
        private String sceneSource;
        private int width;
        private int height;
        private String kernel;
        private String kernelDevice;
        private Optional<String> kernelIsa = Optional.empty();
        private String policy;
        private int threads;
        private int frames;
        private Warmup warmup;
        private Fps fps;
        private FrameMs frameMs;
        private CpuMs cpuMs;
        private double fpsFromCpu;
        private double mraysPerS;
        private long raysPerFrame;
        private Rays rays;
        private double imbalance;
        private Gflops gflops;
        private Peak peakGflops;
        private double fractionOfPeak;
        private VectorApi vectorApi;
        private Gc gc;
        private Image image;
        private Host host;
        private String gitCommit;
        private boolean gitDirty;
        private String timestamp;
        private List<SweepPoint> sweep = List.of();

        public Builder scene(String name, String source) {
            this.scene = name;
            this.sceneSource = source;
            return this;
        }

        public Builder size(int w, int h) {
            this.width = w;
            this.height = h;
            return this;
        }

        public Builder kernel(String name, String device, Optional<String> isa) {
            this.kernel = name;
            this.kernelDevice = device;
            this.kernelIsa = isa;
            return this;
        }

        public Builder policy(String p) {
            this.policy = p;
            return this;
        }

        public Builder threads(int n) {
            this.threads = n;
            return this;
        }

        public Builder frames(int n, Warmup w) {
            this.frames = n;
            this.warmup = w;
            return this;
        }

        public Builder timing(Fps f, FrameMs ms, CpuMs cpu, double fromCpu, double imbalanceMedian) {
            this.fps = f;
            this.frameMs = ms;
            this.cpuMs = cpu;
            this.fpsFromCpu = fromCpu;
            this.imbalance = imbalanceMedian;
            return this;
        }

        public Builder work(double mrays, long perFrame, Rays counted) {
            this.mraysPerS = mrays;
            this.raysPerFrame = perFrame;
            this.rays = counted;
            return this;
        }

        public Builder flops(Gflops g, Peak peak, double fraction) {
            this.gflops = g;
            this.peakGflops = peak;
            this.fractionOfPeak = fraction;
            return this;
        }

        public Builder vectorApi(VectorApi v) {
            this.vectorApi = v;
            return this;
        }

        public Builder gc(Gc g) {
            this.gc = g;
            return this;
        }

        public Builder image(Image i) {
            this.image = i;
            return this;
        }

        public Builder host(Host h) {
            this.host = h;
            return this;
        }

        public Builder provenance(String commit, boolean dirty, String time) {
            this.gitCommit = commit;
            this.gitDirty = dirty;
            this.timestamp = time;
            return this;
        }

        public Builder sweep(List<SweepPoint> points) {
            this.sweep = points;
            return this;
        }

        public RaybenchResult build() {
            return new RaybenchResult(scene, sceneSource, width, height, kernel, kernelDevice, kernelIsa, policy,
                threads, frames, warmup, fps, frameMs, cpuMs, fpsFromCpu, mraysPerS, raysPerFrame, rays, imbalance,
                gflops, peakGflops, fractionOfPeak, vectorApi, gc, image, host, gitCommit, gitDirty, timestamp, sweep);
        }
    }
}
