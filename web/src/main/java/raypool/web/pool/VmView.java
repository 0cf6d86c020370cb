package raypool.web.pool;

import java.util.Optional;
import raypool.web.access.Usage;
import raypool.web.access.VmPlace;

/**
 * A guest VM as the pages and the API show it (templates, snapshots and control domains are never shown).
 * Memory in MiB; {@code hostUuid} and {@code hostName} are empty while the VM is not running.
 */
public record VmView(String ref, String uuid, String name, String powerState, Optional<String> hostUuid,
                     Optional<String> hostName, long vcpus, long vcpusMax, long memoryMib, long memoryStaticMinMib,
                     long memoryStaticMaxMib) {

    public VmPlace place() {
        return new VmPlace(uuid, hostUuid);
    }

    public boolean running() {
        return "Running".equals(powerState);
    }

    /** What the VM uses while it runs: nothing when it does not. */
    public Usage usage() {
        return running() ? new Usage(vcpus, memoryMib, 1) : Usage.NONE;
    }

    /** What starting it would add. */
    public Usage startUsage() {
        return new Usage(vcpus, memoryMib, 1);
    }
}
