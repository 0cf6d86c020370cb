package raypool.bench.report;

import raypool.result.HostFolders;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a result was measured on, so results from different hosts can be told apart, compared, and mapped
 * to the hosts of a pool without editing them by hand.
 *
 * @param hostname    the host's name, when it has one
 * @param xenHostUuid on a XenServer / XCP-ng host (dom0), its UUID from /etc/xensource-inventory
 * @param cpuIsa      the widest vector instruction set the CPU has (avx512, avx2, avx, sse), from its flags:
 *                    what the host is, whatever level a run told HotSpot to use
 */
public record HostFingerprint(String cpuModel, int logicalCpus, String jvm, List<String> jvmFlags, String os,
                              Optional<String> hostname, Optional<String> xenHostUuid, String cpuIsa) {

    /** Where XenServer and XCP-ng keep the host's identity. */
    static final Path XEN_INVENTORY = Path.of("/etc/xensource-inventory");

    public static HostFingerprint detect() {
        return new HostFingerprint(readCpuModel(), Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ")",
            ManagementFactory.getRuntimeMXBean().getInputArguments(),
            System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
            hostName(), xenHostUuid(XEN_INVENTORY), cpuIsa(cpuFlags()));
    }

    /** The folder name of this host's results, e.g. amd-epyc-avx512-2cpu. */
    public String folderName() {
        return HostFolders.name(cpuModel, cpuIsa, logicalCpus);
    }

    /** The first "model name" of /proc/cpuinfo (Linux); the architecture elsewhere. */
    static String readCpuModel() {
        return cpuinfo("model name").orElse(System.getProperty("os.arch"));
    }

    static String cpuIsa(String flags) {
        List<String> f = List.of(flags.toLowerCase(Locale.ROOT).split("\\s+"));
        if (f.contains("avx512f")) {
            return "avx512";
        }
        if (f.contains("avx2")) {
            return "avx2";
        }
        if (f.contains("avx")) {
            return "avx";
        }
        String arch = System.getProperty("os.arch", "unknown");
        return arch.equals("amd64") || arch.equals("x86_64") ? "sse" : arch;
    }

    private static String cpuFlags() {
        return cpuinfo("flags").orElse("");
    }

    private static Optional<String> cpuinfo(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith(key) && line.indexOf(':') > 0
                    && line.substring(0, line.indexOf(':')).strip().equals(key)) {
                    return Optional.of(line.substring(line.indexOf(':') + 1).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the caller falls back
        }
        return Optional.empty();
    }

    private static Optional<String> hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name == null || name.isBlank() ? Optional.empty() : Optional.of(name);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** INSTALLATION_UUID='...' of the inventory file, quotes removed. */
    static Optional<String> xenHostUuid(Path inventory) {
        try {
            for (String line : Files.readAllLines(inventory)) {
                if (line.startsWith("INSTALLATION_UUID=")) {
                    String v = line.substring("INSTALLATION_UUID=".length()).strip().replaceAll("^['\"]|['\"]$", "");
                    return v.isEmpty() ? Optional.empty() : Optional.of(v);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not a XenServer / XCP-ng host
        }
        return Optional.empty();
    }
}
