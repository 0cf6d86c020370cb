package raypool.bench.report;

/**
 * A host as a table column or plot label shows it: "AMD EPYC, 2 CPUs", "Intel Xeon, 2 CPUs". The CPU model
 * loses what only lengthens it: the trademarks (R) and (TM), the clock after '@', and the words CPU,
 * Processor and NN-Core.
 */
public final class HostLabel {

    private HostLabel() {
    }

    public static String of(String cpuModel, int logicalCpus) {
        String model = shortModel(cpuModel);
        if (logicalCpus <= 0) {
            return model;
        }
        return model + ", " + logicalCpus + (logicalCpus == 1 ? " CPU" : " CPUs");
    }

    public static String shortModel(String cpuModel) {
        String model = (cpuModel == null ? "" : cpuModel)
            .replaceAll("\\((?i:r|tm)\\)", "")
            .replaceAll("@.*$", "")
            .replaceAll("\\b\\d+-Core\\b", "")
            .replaceAll("\\b(CPU|Processor)\\b", "")
            .replaceAll("\\s+", " ")
            .strip();
        return model.isEmpty() ? "unknown CPU" : model;
    }
}
