package raypool.web.access;

/** What some VMs use (vCPUs, memory and count while running; disk space always), or a change to it. */
public record Usage(long vcpus, long memoryMib, long vms, long diskGib) {
    public static final Usage NONE = new Usage(0, 0, 0, 0);

    public Usage(long vcpus, long memoryMib, long vms) {
        this(vcpus, memoryMib, vms, 0);
    }

    public static Usage disk(long gib) {
        return new Usage(0, 0, 0, gib);
    }

    public Usage plus(Usage other) {
        return new Usage(vcpus + other.vcpus, memoryMib + other.memoryMib, vms + other.vms, diskGib + other.diskGib);
    }
}
