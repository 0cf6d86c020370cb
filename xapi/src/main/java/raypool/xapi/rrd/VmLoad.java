package raypool.xapi.rrd;

import java.util.Map;

/**
 * A VM's newest RRD sample: mean utilisation of its vCPUs (cpuN, 0..1), memory in bytes, network
 * (vif_N_rx/tx) and disk (vbd_DEV_read/write) throughput in bytes/s summed over devices.
 */
public record VmLoad(String vmUuid, int vcpus, double cpuUtilisation, double memoryBytes,
                     double networkBytesPerSecond, double diskBytesPerSecond) {

    // Compiled once: these run for every data source of every host and VM in every daemon round.
    private static final java.util.regex.Pattern CPU = java.util.regex.Pattern.compile("cpu\\d+");
    private static final java.util.regex.Pattern VIF = java.util.regex.Pattern.compile("vif_\\d+_(rx|tx)");
    private static final java.util.regex.Pattern VBD = java.util.regex.Pattern.compile("vbd_[a-z0-9]+_(read|write)");

    /**
     * vCPUs' worth of CPU in use (vcpus x utilisation). For a host's control domain (dom0), that is the
     * load it adds to the host's own cpuN, which a reader that sums its guests must count too.
     */
    public double busyCpus() {
        return vcpus * cpuUtilisation;
    }

    public static VmLoad of(RrdUpdates updates, String vmUuid) {
        return of(updates.latestOf(vmUuid), vmUuid);
    }

    /** From the newest values of one owner's data sources, by name (see RrdUpdates.latestByOwner). */
    public static VmLoad of(Map<String, Double> latest, String vmUuid) {
        double cpuSum = 0;
        int vcpus = 0;
        double net = 0;
        double disk = 0;
        for (Map.Entry<String, Double> e : latest.entrySet()) {
            String name = e.getKey();
            if (CPU.matcher(name).matches()) {
                cpuSum += e.getValue();
                vcpus++;
            } else if (VIF.matcher(name).matches()) {
                net += e.getValue();
            } else if (VBD.matcher(name).matches()) {
                disk += e.getValue();
            }
        }
        return new VmLoad(vmUuid, vcpus, vcpus == 0 ? Double.NaN : cpuSum / vcpus,
                latest.getOrDefault("memory", Double.NaN), net, disk);
    }
}
