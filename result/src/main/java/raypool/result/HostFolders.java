package raypool.result;

import java.util.Locale;

/**
 * The folder name results of one host family are kept under: CPU model, ISA and logical CPUs, e.g.
 * {@code amd-epyc-avx512-2cpu} or {@code intel-xeon-avx512-2cpu}. Vendor marks such as "(R)" and words
 * that say nothing ("CPU", "Processor", clock figures after "@") are dropped.
 */
public final class HostFolders {

    private HostFolders() {
    }

    /**
     * @param cpuModel    /proc/cpuinfo's model name
     * @param isa         the widest vector ISA: avx512, avx2, avx, sse (or an architecture name)
     * @param logicalCpus logical CPUs
     */
    public static String name(String cpuModel, String isa, int logicalCpus) {
        String model = cpuModel.toLowerCase(Locale.ROOT)
            .replaceAll("@.*", "")
            .replaceAll("\\((r|tm)\\)", " ")
            .replaceAll("\\b(cpu|processor)\\b", " ")
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
        return (model.isEmpty() ? "unknown-cpu" : model) + "-" + isa + "-" + logicalCpus + "cpu";
    }
}
