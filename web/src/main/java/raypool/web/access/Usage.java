package raypool.web.access;

/** What some VMs use while running, or a change to it. */
public record Usage(long vcpus, long memoryMib, long vms) {
    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage plus(Usage other) {
        return new Usage(vcpus + other.vcpus, memoryMib + other.memoryMib, vms + other.vms);
    }
}
