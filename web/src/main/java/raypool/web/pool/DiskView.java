package raypool.web.pool;

/** A VM's disk: its block device (VBD) and virtual disk (VDI), size in GiB, whether it is plugged now. */
public record DiskView(String vbdRef, String vdiRef, String vmUuid, String userdevice, String name, long sizeGib,
                       boolean attached) {
}
