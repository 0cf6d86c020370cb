package raypool.web.access;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The quota rule, as a pure function: a change to a VM fits when, for every quota whose subject's VMs
 * include that VM, what those VMs use now plus the change stays within each limit. Quotas whose subject
 * does not reach the VM do not apply; a change that uses less is always allowed.
 */
public final class QuotaChecker {
    private QuotaChecker() {
    }

    /**
     * @param applicable the quotas whose subject reaches the VM being changed
     * @param usedBy     what each of those subjects' running VMs use now
     * @param change     what the change adds (start: the VM's vCPUs, memory and 1 VM)
     */
    public static QuotaVerdict check(Collection<Quota> applicable, Map<SubjectRef, Usage> usedBy, Usage change) {
        for (Quota q : applicable) {
            Usage used = usedBy.getOrDefault(q.subject(), Usage.NONE);
            QuotaVerdict v = limit(q, "vcpus", q.vcpus(), used.vcpus(), change.vcpus());
            if (v instanceof QuotaVerdict.Fits) {
                v = limit(q, "memory_mib", q.memoryMib(), used.memoryMib(), change.memoryMib());
            }
            if (v instanceof QuotaVerdict.Fits) {
                v = limit(q, "vms", q.vms(), used.vms(), change.vms());
            }
            if (v instanceof QuotaVerdict.Fits) {
                v = limit(q, "disk_gib", q.diskGib(), used.diskGib(), change.diskGib());
            }
            if (v instanceof QuotaVerdict.Exceeds) {
                return v;
            }
        }
        return new QuotaVerdict.Fits();
    }

    private static QuotaVerdict limit(Quota q, String resource, OptionalLong limit, long used, long requested) {
        if (limit.isEmpty() || requested <= 0 || used + requested <= limit.getAsLong()) {
            return new QuotaVerdict.Fits();
        }
        return new QuotaVerdict.Exceeds(q.subject(), resource, limit.getAsLong(), used, requested,
                Math.max(0, limit.getAsLong() - used));
    }
}
