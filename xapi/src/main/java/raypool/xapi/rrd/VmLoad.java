package raypool.xapi.rrd;

import java.util.Map;

/**
 * A VM's newest RRD sample: mean utilisation of its vCPUs (cpuN, 0..1), memory in bytes, network
 * (vif_N_rx/tx) and disk (vbd_DEV_read/write) throughput in bytes/s summed over devices.
 */
public record VmLoad(String vmUuid, int vcpus, double cpuUtilisation, double memoryBytes,
                     double networkBytesPerSecond, double diskBytesPerSecond) {

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
            if (name.matches("cpu\\d+")) {
                cpuSum += e.getValue();
                vcpus++;
            } else if (name.matches("vif_\\d+_(rx|tx)")) {
                net += e.getValue();
            } else if (name.matches("vbd_[a-z0-9]+_(read|write)")) {
                disk += e.getValue();
            }
        }
        return new VmLoad(vmUuid, vcpus, vcpus == 0 ? Double.NaN : cpuSum / vcpus,
                latest.getOrDefault("memory", Double.NaN), net, disk);
    }
}
