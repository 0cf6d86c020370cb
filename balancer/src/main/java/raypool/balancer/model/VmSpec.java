package raypool.balancer.model;

import java.util.Optional;

/**
 * A VM: one vCPU of {@code mips} at most, memory, and the placement constraints an administrator sets.
 *
 * @param affinityGroup VMs sharing a group should run on the same host (WLB / Xen Orchestra tags)
 * @param antiAffinityGroup VMs sharing a group must not share a host
 * @param excluded the balancer never moves this VM (WLB's "excluded VMs")
 */
public record VmSpec(int id, String name, double mips, int ramMb,
                     Optional<String> affinityGroup, Optional<String> antiAffinityGroup, boolean excluded) {
    public VmSpec {
        if (mips <= 0 || ramMb <= 0) {
            throw new IllegalArgumentException("VM " + name + ": MIPS and RAM must be positive");
        }
    }

    public static VmSpec plain(int id, String name, double mips, int ramMb) {
        return new VmSpec(id, name, mips, ramMb, Optional.empty(), Optional.empty(), false);
    }
}
