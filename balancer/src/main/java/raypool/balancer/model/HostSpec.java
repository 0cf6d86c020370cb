package raypool.balancer.model;

/**
 * A physical host as the planner sees it. CPU is in MIPS-like units: per core ({@code peMips}) and in
 * total; {@link raypool.balancer.capacity.RaybenchCapacity} can derive them from a measured benchmark.
 *
 * @param nicMbps bandwidth of the migration network in Mbit/s
 */
public record HostSpec(int id, String model, int cores, double peMips, int ramMb, double nicMbps, PowerModel power) {
    public HostSpec {
        if (cores <= 0 || peMips <= 0 || ramMb <= 0 || nicMbps <= 0) {
            throw new IllegalArgumentException("host " + id + ": cores, MIPS, RAM and NIC must be positive");
        }
    }

    public double capacityMips() {
        return cores * peMips;
    }
}
