package raypool.balancer.model;

/**
 * How fast a live migration copies memory. Half of a 1 Gbit/s link (62.5 MB/s) is the reference's
 * assumption; faster NICs help sub-linearly, because the original pool's 10 GbE moved VMs only 5-6
 * times faster than 1 GbE: 62.5 x (nic / 1000)^0.74 MB/s, which is 5.5x at 10 GbE.
 */
public final class MigrationLink {
    private MigrationLink() {
    }

    public static double mbPerSecond(double nicMbps) {
        return 62.5 * Math.pow(nicMbps / 1000, 0.74);
    }

    /** Seconds to copy a VM's memory between two hosts, alone on the link (the slower NIC decides). */
    public static double seconds(int ramMb, HostSpec from, HostSpec to) {
        return ramMb / mbPerSecond(Math.min(from.nicMbps(), to.nicMbps()));
    }
}
