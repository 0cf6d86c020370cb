package raypool.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import raypool.bench.config.BenchConfig;
import raypool.bench.stats.FrameStatistics;
import raypool.bench.stats.SweepPoint;
import raypool.engine.kernel.SimdKernel;
import raypool.engine.kernel.SimdSupport;

import java.io.IOException;
import java.nio.file.Path;

/** The JSON result file; field names are the contract in design.md (add freely, never rename). */
public final class ResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {
    }

    public static ObjectNode toJson(BenchReport report) {
        BenchConfig c = report.run().config();
        FrameStatistics s = report.stats();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scene", c.scene().name());
        root.put("scene_source", c.sceneSource());
        root.put("width", c.width());
        root.put("height", c.height());
        root.put("kernel", c.kernel().label());
        root.put("kernel_device", report.run().kernelDescription());
        root.put("policy", c.policy().label());
        root.put("threads", c.threads());
        root.put("frames", report.run().frames());
        ObjectNode warmup = root.putObject("warmup");
        warmup.put("frames", report.run().warmupFrames());
        warmup.put("settled", report.run().warmupSettled());
        ObjectNode fps = root.putObject("fps");
        fps.put("median", round(s.fpsMedian()));
        fps.put("min", round(s.fpsMin()));
        fps.put("max", round(s.fpsMax()));
        ObjectNode ms = root.putObject("frame_ms");
        ms.put("p50", round(s.msP50()));
        ms.put("p90", round(s.msP90()));
        ms.put("p99", round(s.msP99()));
        ms.put("max", round(s.msMax()));
        ObjectNode cpu = root.putObject("cpu_ms");
        cpu.put("slowest_thread_median", round(s.cpuMsMedian()));
        cpu.put("all_threads_median", round(s.totalCpuMsMedian()));
        root.put("fps_from_cpu", round(s.fpsFromCpu()));
        root.put("mrays_per_s", round(s.mraysPerSecond()));
        root.put("rays_per_frame", Math.round(s.raysPerFrame()));
        ObjectNode rays = root.putObject("rays");
        var counts = report.run().counts();
        rays.put("primary", counts.primary);
        rays.put("reflection", counts.reflection);
        rays.put("shadow", counts.shadow);
        rays.put("intersection_tests", counts.intersectionTests);
        rays.put("shaded_hits", counts.shadedHits);
        root.put("imbalance", round(s.imbalanceMedian()));
        ObjectNode gflops = root.putObject("gflops");
        gflops.put("per_frame", round(report.flops().gflopPerFrame()));
        gflops.put("per_s_wall", round(report.flops().gflopsWall()));
        gflops.put("per_s_cpu", round(report.flops().gflopsCpu()));
        gflops.put("model", "16 x intersection_tests + 24 x shaded_hits + 45 x shadow rays (anchors.md 3)");
        ObjectNode peak = root.putObject("peak_gflops");
        peak.put("per_core", round(report.flops().peakPerCore()));
        peak.put("source", report.flops().peakSource());
        peak.put("cores", report.flops().threads());
        root.put("fraction_of_peak", Math.round(report.flops().fractionOfPeak() * 10000) / 10000.0);
        ObjectNode vector = root.putObject("vector_api");
        vector.put("float_lanes", SimdKernel.lanes());
        vector.put("gives_speed", SimdSupport.noSpeedReason().isEmpty());
        SimdSupport.noSpeedReason().ifPresent(reason -> vector.put("why_not", reason));
        ObjectNode gc = root.putObject("gc");
        gc.put("collections", report.run().gcCollections());
        gc.put("pause_ms", report.run().gcPauseMillis());
        ObjectNode image = root.putObject("image");
        image.put("sha256", report.image().sha256());
        image.put("verified", report.image().verified());
        image.put("max_channel_diff", report.image().maxChannelDiff());
        image.put("fraction_within_2", report.image().fractionWithin());
        image.put("reference_sha256", report.image().referenceSha256());
        image.put("frame_index", report.image().frameIndex());
        ObjectNode host = root.putObject("host");
        host.put("cpu_model", report.host().cpuModel());
        host.put("logical_cpus", report.host().logicalCpus());
        host.put("jvm", report.host().jvm());
        ArrayNode flags = host.putArray("jvm_flags");
        report.host().jvmFlags().forEach(flags::add);
        host.put("os", report.host().os());
        root.put("git_commit", report.git().commit());
        root.put("git_dirty", report.git().dirty());
        root.put("timestamp", report.timestamp().toString());
        if (!report.sweep().isEmpty()) {
            ArrayNode sweep = root.putArray("sweep");
            for (SweepPoint p : report.sweep()) {
                ObjectNode point = sweep.addObject();
                point.put("threads", p.threads());
                point.put("fps", round(p.fps()));
                point.put("fps_from_cpu", round(p.fpsFromCpu()));
                point.put("speedup", round(p.speedup()));
                point.put("efficiency", round(p.efficiency()));
                point.put("imbalance", round(p.imbalance()));
            }
        }
        return root;
    }

    public static void write(BenchReport report, Path file) throws IOException {
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(toJson(report)));
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
