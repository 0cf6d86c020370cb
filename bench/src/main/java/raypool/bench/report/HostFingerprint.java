package raypool.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a result was measured on, so results from different hosts can be told apart and compared. */
public record HostFingerprint(String cpuModel, int logicalCpus, String jvm, List<String> jvmFlags, String os) {

    public static HostFingerprint detect() {
        return new HostFingerprint(readCpuModel(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")",
            ManagementFactory.getRuntimeMXBean().getInputArguments(),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
    }

    /** The first "model name" of /proc/cpuinfo (Linux); the architecture elsewhere. */
    static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: fall through to what the JVM knows
        }
        return System.getProperty("os.arch");
    }
}
