package raypool.xapi.rrd;

import java.util.Map;

/**
 * A host's newest RRD sample, summarised for placement: mean utilisation of its cpuN sources (0..1),
 * memory in KiB, and network throughput in bytes/s summed over physical interfaces (the pif_aggr
 * totals are left out so that nothing is counted twice).
 */
public record HostLoad(String hostUuid, int cpus, double cpuUtilisation, double memoryTotalKib,
                       double memoryFreeKib, double networkRxBytesPerSecond, double networkTxBytesPerSecond) {

    // Compiled once: these run for every data source of every host and VM in every daemon round.
    private static final java.util.regex.Pattern CPU = java.util.regex.Pattern.compile("cpu\\d+");

    public static HostLoad of(RrdUpdates updates, String hostUuid) {
        return of(updates.latestOf(hostUuid), hostUuid);
    }

    /** From the newest values of one owner's data sources, by name (see RrdUpdates.latestByOwner). */
    public static HostLoad of(Map<String, Double> latest, String hostUuid) {
        double cpuSum = 0;
        int cpus = 0;
        double rx = 0;
        double tx = 0;
        for (Map.Entry<String, Double> e : latest.entrySet()) {
            String name = e.getKey();
            if (CPU.matcher(name).matches()) {
                cpuSum += e.getValue();
                cpus++;
            } else if (name.startsWith("pif_") && !name.startsWith("pif_aggr_")) {
                if (name.endsWith("_rx")) {
                    rx += e.getValue();
                } else if (name.endsWith("_tx")) {
                    tx += e.getValue();
                }
            }
        }
        return new HostLoad(hostUuid, cpus, cpus == 0 ? Double.NaN : cpuSum / cpus,
                latest.getOrDefault("memory_total_kib", Double.NaN), latest.getOrDefault("memory_free_kib", Double.NaN),
                rx, tx);
    }
}
