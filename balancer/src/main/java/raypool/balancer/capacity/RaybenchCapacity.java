package raypool.balancer.capacity;

import raypool.balancer.model.HostSpec;
import raypool.balancer.model.PowerModel;
import raypool.balancer.trace.InputException;
import raypool.result.RaybenchResult;
import raypool.result.ResultCodec;
import raypool.result.ResultFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A host's CPU capacity from a raybench JSON result, in the unit the traces' demand uses, so that hosts
 * with different CPUs are compared by what they measurably compute rather than by how many threads they
 * have. Citrix WLB, Xen Orchestra's balancer and VMware DRS all count a core as a core.
 *
 * <h2>The unit</h2>
 * The reference experiment counts a host's CPU as MIPS per core x cores and a VM's demand as a share of
 * its VM type's MIPS (2500, 2000, 1000 or 500): a demand is an amount of work per second, the same
 * wherever the VM runs. A host's capacity must be in that unit: MIPS per thread x threads.
 *
 * <h2>From a result to MIPS</h2>
 * <ul>
 *   <li><b>Speed per thread.</b> {@code fps_from_cpu} is frames per second computed from the CPU time of
 *       the run's slowest thread ({@code 1000 / cpu_ms.slowest_thread_median}, used when
 *       {@code fps_from_cpu} is absent): what the host renders with all {@code threads} busy, unaffected
 *       by other load waiting for the CPU. Only when neither is recorded does the wall-clock
 *       {@code fps.median} stand in. Divided by {@code threads} it is one thread's speed in frames per
 *       CPU-second, measured while every thread was busy, as a full host's are (on SMT hosts that is less
 *       than one thread alone: the balancer gives a VM at most one thread's share, so that is the right
 *       figure). {@code mrays_per_s} is wall-clock and is reported, not used.</li>
 *   <li><b>Threads.</b> The host offers VMs the {@code threads} the run used, never more: a run on fewer
 *       threads than {@code host.logical_cpus} measured only those, and extrapolating to the rest would
 *       guess (SMT siblings add far less than a thread). Run raybench on every thread (its default) to
 *       measure a whole host; a 1-thread result describes a 1-thread host. A {@code sweep} adds nothing to
 *       the capacity (its largest point is the top-level result); every point must be verified.</li>
 *   <li><b>MIPS.</b> A speed becomes MIPS through one {@link Calibration}: MIPS per frame per CPU-second.
 *       raybench measures relative speed; the trace's MIPS are the reference's own unit, which no
 *       measurement here can anchor absolutely. {@link Calibration#averageThread} makes the fleet's average
 *       thread worth {@value #AVERAGE_THREAD_MIPS} MIPS, the reference's faster core, so every reference VM
 *       type fits on a thread of average speed and a fleet has the same total capacity whether its threads
 *       are counted or measured: comparing the two then shows where the capacity is, not how much.</li>
 *   <li><b>Like for like.</b> Speeds compare only for the same scene, image size, kernel and row policy
 *       ({@link Measured#workload()}); the fleet refuses a mix. {@code kernel_isa} and
 *       {@code host.cpu_model} belong to the host and are reported.</li>
 *   <li><b>Unverified results are not capacity.</b> A result whose {@code image.verified} is not true
 *       (or whose {@code image.frames_verified} is short of {@code image.frames_checked}, or with a sweep
 *       point not verified) measured a kernel that drew the wrong picture, perhaps by skipping work: it is
 *       refused, naming the file.</li>
 * </ul>
 *
 * <h2>What a VM's demand becomes when it moves</h2>
 * A VM's demand D (MIPS) is work per second and does not change when the VM moves. On host A it takes
 * the share s_A = D / mipsPerThread_A of one thread; on host B it takes s_B = D / mipsPerThread_B
 * = s_A x speed_A / speed_B ({@link #shareAfterMove}). A VM using half a thread of A needs a quarter of a
 * thread on a host twice as fast, and all of one on a host half as fast. A balancer that counts threads
 * assumes s_B = s_A, and so over-fills slow hosts and under-fills fast ones.
 */
public final class RaybenchCapacity {
    /** MIPS of a thread of the fleet's average measured speed: the reference's G5 core. */
    public static final double AVERAGE_THREAD_MIPS = 2660;


    private RaybenchCapacity() {
    }

    /**
     * What a raybench result says about a host's compute.
     *
     * @param framesPerSecond frames per second with all {@code threads} busy, from CPU time when recorded
     * @param speedSource the field {@code framesPerSecond} came from
     */
    public record Measured(Path file, String cpuModel, int logicalCpus, int threads, double framesPerSecond,
                           String speedSource, double mraysPerSecond, String scene, int width, int height,
                           String kernel, String kernelIsa, String policy) {
        /** One thread's speed, frames per CPU-second, while all the host's measured threads were busy. */
        public double threadSpeed() {
            return framesPerSecond / threads;
        }

        /** The whole host's speed, frames per second on all its measured threads. */
        public double hostSpeed() {
            return framesPerSecond;
        }

        /** What must be equal for two speeds to compare: scene, size, kernel and row policy. */
        public String workload() {
            return scene + " " + width + "x" + height + ", kernel " + kernel + ", policy " + policy;
        }
    }

    /** MIPS per frame per CPU-second of one thread: the one number that turns measured speed into MIPS. */
    public record Calibration(double mipsPerFramePerSecond) {
        public Calibration {
            if (!(mipsPerFramePerSecond > 0) || !Double.isFinite(mipsPerFramePerSecond)) {
                throw new IllegalArgumentException("MIPS per frame/s must be positive, got " + mipsPerFramePerSecond);
            }
        }

        /**
         * The fleet's average thread (weighted by how many threads each result's hosts have in all) is
         * worth {@link #AVERAGE_THREAD_MIPS}.
         *
         * @param hostCounts how many hosts of each result the fleet has
         */
        public static Calibration averageThread(List<Measured> results, List<Integer> hostCounts) {
            if (results.isEmpty() || results.size() != hostCounts.size()) {
                throw new IllegalArgumentException("one host count per result, and at least one result");
            }
            double frames = 0;
            double threads = 0;
            for (int i = 0; i < results.size(); i++) {
                frames += hostCounts.get(i) * results.get(i).hostSpeed();
                threads += hostCounts.get(i) * (double) results.get(i).threads();
            }
            return new Calibration(AVERAGE_THREAD_MIPS / (frames / threads));
        }

        /** A thread as fast as {@code reference}'s is worth {@code threadMips}. */
        public static Calibration of(Measured reference, double threadMips) {
            return new Calibration(threadMips / reference.threadSpeed());
        }
    }

    /** MIPS one thread of the measured host is worth. */
    public static double threadMips(Measured measured, Calibration calibration) {
        return measured.threadSpeed() * calibration.mipsPerFramePerSecond();
    }

    /** A host as raybench measured it: its measured threads, each worth {@link #threadMips}. */
    public static HostSpec host(int id, String name, Measured measured, Calibration calibration, int ramMb,
                                double nicMbps, PowerModel power) {
        return new HostSpec(id, name, measured.threads(), threadMips(measured, calibration), ramMb, nicMbps, power);
    }

    /**
     * The share of one thread a VM needs after moving, given the share it used before: its work per
     * second is unchanged, so the share scales with the speed ratio, from / to.
     */
    public static double shareAfterMove(double share, double fromThreadMips, double toThreadMips) {
        if (!(fromThreadMips > 0) || !(toThreadMips > 0)) {
            throw new IllegalArgumentException("thread speeds must be positive");
        }
        return share * fromThreadMips / toThreadMips;
    }

    /** Reads and checks one result (through the result files' own codec); every problem names the file. */
    public static Measured read(Path json) {
        RaybenchResult r;
        try {
            r = ResultCodec.read(json);
        } catch (ResultFormatException e) {
            String detail = e.detail().equals("no such file") ? "cannot read the raybench result: no such file" : e.detail();
            throw e.line() > 0 ? new InputException(json, e.line(), detail) : new InputException(json, detail);
        }
        return from(json, r);
    }

    /** Checks a result already read (its file named in every problem) and measures its thread speed. */
    public static Measured from(Path json, RaybenchResult r) {
        checkVerified(json, r);
        if (r.threads() < 1) {
            throw new InputException(json, "threads must be an integer >= 1, got " + r.threads());
        }
        int logical = r.host().logicalCpus();
        if (logical < 1) {
            throw new InputException(json, "host.logical_cpus must be an integer >= 1, got " + logical);
        }
        if (r.threads() > logical) {
            throw new InputException(json, "threads " + r.threads() + " exceed host.logical_cpus " + logical
                    + ": the CPU time of an oversubscribed run overstates the host");
        }
        String source;
        double fps;
        if (r.fpsFromCpu() > 0) {
            source = "fps_from_cpu";
            fps = r.fpsFromCpu();
        } else if (r.cpuMs() != null && r.cpuMs().slowestThreadMedian() > 0) {
            source = "cpu_ms.slowest_thread_median";
            fps = 1000 / r.cpuMs().slowestThreadMedian();
        } else {
            source = "fps.median";
            fps = r.fps().median();
        }
        if (!(fps > 0) || !Double.isFinite(fps)) {
            throw new InputException(json, source + " gives no positive speed (" + fps + " frames/s)");
        }
        if (r.width() < 1 || r.height() < 1 || r.scene() == null || r.scene().isBlank() || r.policy() == null) {
            throw new InputException(json, "scene, width, height and policy must be set");
        }
        return new Measured(json, r.host().cpuModel() == null ? "unknown CPU" : r.host().cpuModel(), logical,
                r.threads(), fps, source, r.mraysPerS(), r.scene(), r.width(), r.height(), r.kernel(),
                r.kernelIsa().orElse("not recorded"), r.policy());
    }

    private static void checkVerified(Path json, RaybenchResult r) {
        RaybenchResult.Image image = r.image();
        if (!image.verified()) {
            throw new InputException(json, "image.verified is not true: its frames did not match the reference "
                    + "(or were not checked), so it is not a capacity");
        }
        if (image.framesVerified().isPresent() && image.framesChecked().isPresent()
                && image.framesVerified().get() < image.framesChecked().get()) {
            throw new InputException(json, "image.frames_verified " + image.framesVerified().get() + " of "
                    + image.framesChecked().get() + " checked: not a capacity");
        }
        for (RaybenchResult.SweepPoint point : r.sweep()) {
            if (point.verified().isPresent() && !point.verified().get()) {
                throw new InputException(json, "sweep point at " + point.threads() + " threads is not verified: "
                        + "not a capacity");
            }
        }
    }

    static String describe(IOException e) {
        return switch (e) {
            case java.nio.file.NoSuchFileException x -> "no such file";
            case java.nio.file.AccessDeniedException x -> "permission denied";
            default -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        };
    }
}
