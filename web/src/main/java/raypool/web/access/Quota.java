package raypool.web.access;

import java.util.OptionalLong;

/**
 * Limits on what the VMs delegated to {@code subject} (those its ACL entries reach) may use while they run:
 * vCPUs, memory in MiB and the number of running VMs. An empty limit is no limit.
 */
public record Quota(SubjectRef subject, OptionalLong vcpus, OptionalLong memoryMib, OptionalLong vms) {
}
