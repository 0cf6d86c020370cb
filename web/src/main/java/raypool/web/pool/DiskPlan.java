package raypool.web.pool;

import java.util.Map;

/**
 * How to add a disk: VDI.create with {@code vdi}, then VBD.create with {@code vbd} and the new VDI's ref as
 * its "VDI", then VBD.plug when {@code plug} (the VM runs).
 */
public record DiskPlan(Map<String, Object> vdi, Map<String, Object> vbd, boolean plug) {
    public DiskPlan {
        vdi = Map.copyOf(vdi);
        vbd = Map.copyOf(vbd);
    }
}
