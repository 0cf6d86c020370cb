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

    /**
     * MB/s one migration gets between hosts with NICs of {@code fromNicMbps} and {@code toNicMbps} when
     * {@code onFrom} and {@code onTo} migrations (itself included) use those hosts' links: the slower NIC's
     * rate, split evenly on the busier end. Both the balancer's raypool rules and the simulated XAPI pool
     * time migrations with this.
     */
    public static double sharedMbPerSecond(double fromNicMbps, double toNicMbps, int onFrom, int onTo) {
        if (onFrom < 1 || onTo < 1) {
            throw new IllegalArgumentException("a migration shares its links with at least itself, got "
                    + onFrom + " and " + onTo);
        }
        return mbPerSecond(Math.min(fromNicMbps, toNicMbps)) / Math.max(onFrom, onTo);
    }

    /** Seconds to copy a VM's memory between two hosts, alone on the link (the slower NIC decides). */
    public static double seconds(int ramMb, HostSpec from, HostSpec to) {
        return ramMb / mbPerSecond(Math.min(from.nicMbps(), to.nicMbps()));
    }
}
