package raypool.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import raypool.bench.compare.CompareCommand;
import raypool.bench.config.BadInputException;
import raypool.bench.config.BenchConfig;
import raypool.bench.config.BenchDefaults;
import raypool.bench.config.ImageSize;
import raypool.bench.config.OutputPaths;
import raypool.bench.pictures.Pictures;
import raypool.bench.report.BenchReport;
import raypool.bench.report.GitInfo;
import raypool.bench.report.HostFingerprint;
import raypool.bench.report.ResultCsv;
import raypool.bench.report.ResultJson;
import raypool.bench.report.SummaryTable;
import raypool.bench.run.BenchmarkRunner;
import raypool.bench.run.Progress;
import raypool.bench.run.RunResult;
import raypool.bench.peak.PeakFlops;
import raypool.bench.peak.PeakMeasurement;
import raypool.bench.stats.FlopRate;
import raypool.bench.stats.FrameStatistics;
import raypool.bench.stats.SweepPoint;
import raypool.engine.verify.FramesNotVerifiedException;
import raypool.engine.verify.ImageChecks;
import raypool.engine.verify.ReferenceCheck;
import raypool.engine.kernel.ComputeDevice;
import raypool.engine.kernel.KernelKind;
import raypool.engine.kernel.KernelUnavailableException;
import raypool.engine.kernel.SimdSupport;
import raypool.engine.scene.AnimatedScene;
import raypool.engine.scene.FiveSpheres;
import raypool.engine.scene.io.CraySceneReader;
import raypool.engine.scene.io.SceneFormatException;
import raypool.engine.schedule.StripePolicy;
import raypool.render.image.PngWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * raybench: measures a host's ray-tracing capacity. Exit status 0 on success, 2 on bad input (an
 * option or a scene file; nothing is written), 1 when the run itself fails or its image is wrong.
 */
@Command(name = "raybench", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = RayBench.Version.class,
    description = "Measures this host's ray-tracing capacity (frames/s, Mrays/s) on the benchmark scene, "
        + "one stripe of rows per thread, and verifies every run against the scalar reference.")
public final class RayBench implements Callable<Integer> {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_BAD_INPUT = 2;

    /** The Maven project version, filtered into version.properties at build time. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            java.util.Properties p = new java.util.Properties();
            try (var in = RayBench.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // no version file: said below
            }
            String v = p.getProperty("version", "").strip();
            return new String[] {"raybench " + (v.isEmpty() || v.contains("${") ? "(unknown version)" : v) + " (raypool)"};
        }
    }

    @Option(names = "--scene", paramLabel = "five|FILE.scn", defaultValue = BenchDefaults.SCENE,
        description = "Built-in animated scene 'five', or a c-ray scene file (default: ${DEFAULT-VALUE}).")
    String scene;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = BenchDefaults.WIDTH + "x" + BenchDefaults.HEIGHT,
        description = "Image size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--threads", paramLabel = "N",
        description = "Worker threads (default: all logical CPUs). With --sweep, the largest count.")
    Integer threads;

    @Option(names = "--policy", paramLabel = "static|interleaved|dynamic", defaultValue = BenchDefaults.POLICY,
        description = "How rows are shared among threads (default: ${DEFAULT-VALUE}).")
    String policy;

    @Option(names = "--kernel", paramLabel = "simd|scalar|opencl", defaultValue = BenchDefaults.KERNEL,
        description = "Kernel: simd (Vector API packets in float), scalar (the double-precision reference), "
            + "opencl (an OpenCL device, see --list-devices) (default: ${DEFAULT-VALUE}).")
    String kernel;

    @Option(names = "--device", paramLabel = "N",
        description = "Device for --kernel opencl, numbered as --list-devices shows (default: 0).")
    Integer device;

    @Option(names = "--list-devices", description = "List the OpenCL devices (platform, device, compute units, memory) and exit.")
    boolean listDevices;

    @Option(names = "--peak-gflops-per-core", paramLabel = "G",
        description = "Single-precision peak of one core in GFLOP/s for fraction_of_peak (default: measured "
            + "now with vector FMA chains, ~0.2 s).")
    Double peakGflopsPerCore;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "" + BenchDefaults.FRAMES,
        description = "Measured frames (default: ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "" + BenchDefaults.WARMUP,
        description = "Minimum warm-up frames; warm-up goes on until frame times settle (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--sweep", description = "Run 1..N threads and report speedup and parallel efficiency.")
    boolean sweep;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the result as JSON (atomically).")
    Path json;

    @Option(names = "--csv", paramLabel = "FILE",
        description = "Write the result as CSV (default with --json: the same name with .csv).")
    Path csv;

    @Option(names = "--png", paramLabel = "FILE", description = "Write the last measured frame as PNG.")
    Path png;

    @Option(names = "--view", description = "Open the live window instead of measuring: FPS in green, seconds per "
        + "frame in red; keys + - threads, P policy, K kernel, B buffering, S save PNG, Esc quit. "
        + "With --frames N it closes after N frames.")
    boolean view;

    @Option(names = "--unbuffered", description = "With --view: start with buffering off, showing each frame "
        + "while its stripes are drawn (B switches it in the window).")
    boolean unbuffered;

    @Option(names = "--screenshot", paramLabel = "FILE",
        description = "With --view --frames N: save what the window shows after frame N as PNG, then exit.")
    Path screenshot;

    @Option(names = "--gif", paramLabel = "FILE",
        description = "Write frames 0..N-1 (N = --frames) as a looping animated GIF instead of measuring.")
    Path gif;

    @Option(names = "--plots", paramLabel = "DIR", description = "After measuring, write PNG plots into DIR: "
        + "frame-time distribution, speedup and efficiency (with --sweep), one stripe map per policy.")
    Path plots;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;

    RayBench(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        var command = new CommandLine(new RayBench(out, err));
        command.addSubcommand("compare", new CompareCommand(out, err));
        command.setOut(new java.io.PrintWriter(out, true));
        command.setErr(new java.io.PrintWriter(err, true));
        command.setParameterExceptionHandler((ex, a) -> {
            String name = ex.getCommandLine() == command ? "raybench" : "raybench " + ex.getCommandLine().getCommandName();
            err.println(name + ": " + ex.getMessage());
            err.println("Try '" + name + " --help' for the options.");
            return EXIT_BAD_INPUT;
        });
        return command.execute(args);
    }

    @Override
    public Integer call() {
        if (listDevices) {
            return listDevices();
        }
        BenchConfig config;
        try {
            config = configure();
        } catch (BadInputException e) {
            err.println("raybench: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
        if (view) {
            // Without --frames the window stays until Esc; the benchmark's default frame count does not apply.
            long limit = spec.commandLine().getParseResult().hasMatchedOption("--frames") ? config.frames() : 0;
            return Pictures.view(config, !unbuffered, limit, Optional.ofNullable(screenshot), err);
        }
        if (gif != null) {
            try {
                ImageChecks checks = Pictures.gif(config, gif);
                err.println("raybench: image " + checks.summary());
                err.println("raybench: wrote " + gif);
                return EXIT_OK;
            } catch (IOException e) {
                err.println("raybench: cannot write " + gif + ": " + e.getMessage());
                return EXIT_FAILED;
            } catch (FramesNotVerifiedException e) {
                err.println("raybench: " + e.getMessage() + "; " + gif + " not written");
                return EXIT_FAILED;
            }
        }
        try (Progress progress = Progress.forConsole(err)) {
            BenchReport report = measure(config, progress);
            SummaryTable.print(report, out);
            boolean written = writeResults(report);
            if (plots != null) {
                try {
                    for (Path file : Pictures.plots(report, plots)) {
                        err.println("raybench: wrote " + file);
                    }
                } catch (FramesNotVerifiedException e) {
                    err.println("raybench: " + e.getMessage() + "; the stripe maps are not written");
                    return EXIT_FAILED;
                }
            }
            if (!report.verified()) {
                err.println("raybench: " + (report.framesChecked() - report.framesVerified()) + " of "
                    + report.framesChecked() + " frames checked do not match the scalar reference (max channel diff "
                    + report.image().maxChannelDiff() + ")" + (written ? "; the result is written but must not be trusted"
                    : ""));
                return EXIT_FAILED;
            }
            return EXIT_OK;
        } catch (IOException e) {
            err.println("raybench: cannot write results: " + e.getMessage());
            return EXIT_FAILED;
        } catch (KernelUnavailableException e) {
            // Checked in configure(); what is left is the device compiler rejecting the kernel (with its log).
            err.println("raybench: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
    }

    /** --list-devices: every device of every device kernel, or what to install; exit 2 when there is none. */
    private int listDevices() {
        for (KernelKind kind : KernelKind.values()) {
            if (!kind.needsDevice()) {
                continue;
            }
            List<ComputeDevice> devices;
            try {
                devices = kind.devices();
            } catch (KernelUnavailableException e) {
                err.println("raybench: " + e.getMessage());
                return EXIT_BAD_INPUT;
            }
            out.println(kind.label() + " devices (--kernel " + kind.label() + " --device N):");
            devices.forEach(d -> out.println("  " + d.describe()));
        }
        return EXIT_OK;
    }

    private BenchReport measure(BenchConfig config, Progress progress) {
        List<SweepPoint> sweepPoints = new ArrayList<>();
        RunResult main;
        FrameStatistics mainStats;
        ImageChecks image;
        if (config.sweep()) {
            FrameStatistics one = null;
            RunResult last = null;
            ImageChecks lastChecks = null;
            for (int n = 1; n <= config.threads(); n++) {
                err.printf("raybench: sweep, %d of %d threads%n", n, config.threads());
                last = BenchmarkRunner.run(config.withThreads(n), progress);
                FrameStatistics stats = FrameStatistics.of(last);
                if (n == 1) {
                    one = stats;
                }
                progress.phase("checking frames against the scalar reference", -1);
                lastChecks = ReferenceCheck.checkAll(config.scene(), last.samples());
                sweepPoints.add(SweepPoint.of(n, stats, one, lastChecks));
            }
            main = last;
            mainStats = FrameStatistics.of(last);
            image = lastChecks;
        } else {
            main = BenchmarkRunner.run(config, progress);
            mainStats = FrameStatistics.of(main);
            progress.phase("checking frames against the scalar reference", -1);
            image = ReferenceCheck.checkAll(config.scene(), main.samples());
        }
        PeakMeasurement peak;
        if (peakGflopsPerCore != null) {
            peak = PeakMeasurement.given(peakGflopsPerCore);
        } else {
            progress.phase("measuring the FMA peak", -1);
            peak = PeakFlops.measure(config.threads());
        }
        FlopRate flops = FlopRate.of(main, mainStats, peak);
        return new BenchReport(main, mainStats, image, sweepPoints, HostFingerprint.detect(),
            GitInfo.of(Path.of(System.getProperty("raypool.root", "."))), Instant.now(), flops);
    }

    /** Writes the result files asked for; true when at least one was written. */
    private boolean writeResults(BenchReport report) throws IOException {
        BenchConfig c = report.run().config();
        if (c.json().isPresent()) {
            ResultJson.write(report, c.json().get());
            err.println("raybench: wrote " + c.json().get());
        }
        if (c.csv().isPresent()) {
            ResultCsv.write(report, c.csv().get());
            err.println("raybench: wrote " + c.csv().get());
        }
        if (c.png().isPresent()) {
            PngWriter.write(report.run().lastFrame(), c.png().get());
            err.println("raybench: wrote " + c.png().get());
        }
        return c.json().isPresent() || c.csv().isPresent() || c.png().isPresent();
    }

    /** Checks every option before anything runs, so bad input never leaves a partial result. */
    BenchConfig configure() throws BadInputException {
        ImageSize imageSize = ImageSize.parse(size);
        int n = threads == null ? BenchDefaults.threads() : threads;
        if (n < 1 || n > 1024) {
            throw new BadInputException("--threads: must be between 1 and 1024, got " + n);
        }
        if (frames < 1) {
            throw new BadInputException("--frames: must be at least 1, got " + frames);
        }
        if (warmup < 0) {
            throw new BadInputException("--warmup: must be 0 or more, got " + warmup);
        }
        checkPictureOptions();
        StripePolicy stripePolicy;
        KernelKind kernelKind;
        try {
            stripePolicy = StripePolicy.parse(policy);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--policy: " + e.getMessage());
        }
        try {
            kernelKind = KernelKind.parse(kernel);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--kernel: " + e.getMessage());
        }
        int deviceIndex = checkDevice(kernelKind);
        if (peakGflopsPerCore != null && !(peakGflopsPerCore > 0)) {
            throw new BadInputException("--peak-gflops-per-core: must be a positive number, got " + peakGflopsPerCore);
        }
        if (kernelKind == KernelKind.SIMD && SimdSupport.noSpeedReason().isPresent()) {
            err.println("raybench: the Vector API gives no speed here: " + SimdSupport.noSpeedReason().get()
                + "; running the scalar kernel instead");
            kernelKind = KernelKind.SCALAR;
        }
        AnimatedScene animated = loadScene(scene);
        Optional<Path> jsonFile = Optional.ofNullable(json);
        Optional<Path> csvFile = Optional.ofNullable(csv).or(() -> jsonFile.map(RayBench::csvBeside));
        checkOutputs(jsonFile, csvFile);
        return new BenchConfig(animated, scene, imageSize.width(), imageSize.height(), n, stripePolicy, kernelKind,
            deviceIndex, frames, warmup, sweep, jsonFile, csvFile, Optional.ofNullable(png));
    }

    /** Every output path, before the run: a run of minutes must not end in "cannot write". */
    private void checkOutputs(Optional<Path> jsonFile, Optional<Path> csvFile) throws BadInputException {
        if (jsonFile.isPresent()) {
            OutputPaths.checkFile("--json", jsonFile.get());
        }
        if (csvFile.isPresent()) {
            OutputPaths.checkFile(csv != null ? "--csv" : "--json (the CSV beside it)", csvFile.get());
        }
        if (png != null) {
            OutputPaths.checkFile("--png", png);
        }
        if (gif != null) {
            OutputPaths.checkFile("--gif", gif);
        }
        if (screenshot != null) {
            OutputPaths.checkFile("--screenshot", screenshot);
        }
        if (plots != null) {
            OutputPaths.checkFolder("--plots", plots);
        }
    }

    /** The device a device kernel will use, checked here so a missing platform or bad index runs nothing. */
    private int checkDevice(KernelKind kernelKind) throws BadInputException {
        if (!kernelKind.needsDevice()) {
            if (device != null) {
                throw new BadInputException("--device: only with a device kernel (--kernel opencl), not --kernel " + kernelKind.label());
            }
            return 0;
        }
        if (view || gif != null) {
            // SceneRenderer and the live view make kernels per thread themselves; device kernels need an opened device.
            throw new BadInputException((view ? "--view" : "--gif") + ": renders with an in-process kernel (--kernel scalar),"
                + " not --kernel " + kernelKind.label() + ", which is for measured runs");
        }
        int index = device == null ? 0 : device;
        List<ComputeDevice> devices;
        try {
            devices = kernelKind.devices();
        } catch (KernelUnavailableException e) {
            throw new BadInputException(e.getMessage());
        }
        if (index < 0 || index >= devices.size()) {
            StringBuilder listing = new StringBuilder();
            devices.forEach(d -> listing.append(System.lineSeparator()).append("  ").append(d.describe()));
            throw new BadInputException("--device: no " + kernelKind.label() + " device " + index + "; this host has "
                + devices.size() + " (0 to " + (devices.size() - 1) + "):" + listing);
        }
        return index;
    }

    /** --view, --gif and --plots choose what a run makes; only some combinations mean anything. */
    private void checkPictureOptions() throws BadInputException {
        if (view && gif != null) {
            throw new BadInputException("--gif: not with --view (the window shows the animation itself)");
        }
        if (plots != null && (view || gif != null)) {
            throw new BadInputException("--plots: needs a measured run, not --view or --gif");
        }
        if ((view || gif != null) && (sweep || json != null || csv != null || png != null)) {
            throw new BadInputException((view ? "--view" : "--gif")
                + ": measures nothing, so --sweep, --json, --csv and --png do not apply");
        }
        if (unbuffered && !view) {
            throw new BadInputException("--unbuffered: only with --view");
        }
        if (screenshot != null && !view) {
            throw new BadInputException("--screenshot: only with --view");
        }
        if (screenshot != null && !spec.commandLine().getParseResult().hasMatchedOption("--frames")) {
            throw new BadInputException("--screenshot: needs --frames N (the window is saved after frame N)");
        }
    }

    static AnimatedScene loadScene(String name) throws BadInputException {
        if (name.equals("five")) {
            return new FiveSpheres();
        }
        Path file = Path.of(name);
        try {
            String base = file.getFileName().toString().replaceFirst("\\.scn$", "");
            return AnimatedScene.still(base, CraySceneReader.read(file));
        } catch (SceneFormatException e) {
            throw new BadInputException("--scene: " + e.getMessage());
        }
    }

    static Path csvBeside(Path jsonFile) {
        String name = jsonFile.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return jsonFile.resolveSibling(base + ".csv");
    }
}
