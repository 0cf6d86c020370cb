package raypool.web.access;

import java.util.List;
import java.util.OptionalLong;

/**
 * Limits on what the VMs delegated to {@code subject} (those its ACL entries reach) may use while they run:
 * vCPUs, memory in MiB and the number of running VMs, and the disk space of all its VMs in GiB (an empty
 * limit is no limit), and the networks the
 * subject may attach to the VMs it administers (names or uuids; none when empty).
 */
public record Quota(SubjectRef subject, OptionalLong vcpus, OptionalLong memoryMib, OptionalLong vms, OptionalLong diskGib,
                    List<String> networks) {
    public Quota {
        networks = List.copyOf(networks);
    }

    public Quota(SubjectRef subject, OptionalLong vcpus, OptionalLong memoryMib, OptionalLong vms) {
        this(subject, vcpus, memoryMib, vms, OptionalLong.empty(), List.of());
    }
}
