package raypool.web.access;

/** Whether a change fits every quota that covers the VM, and if not which limit it would pass. */
public sealed interface QuotaVerdict {
    record Fits() implements QuotaVerdict {
    }

    /**
     * @param resource  "vcpus", "memory_mib", "vms" or "disk_gib"
     * @param available what is left under the limit before the change
     * @param requested what the change adds
     */
    record Exceeds(SubjectRef subject, String resource, long limit, long used, long requested, long available)
            implements QuotaVerdict {
        public String explain() {
            return "the quota of " + subject.wire() + " allows " + limit + " " + resource + "; its VMs use " + used
                    + " and this change adds " + requested + " (" + available + " available)";
        }
    }
}
