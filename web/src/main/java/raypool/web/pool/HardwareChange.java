package raypool.web.pool;

import java.util.OptionalLong;

/** A requested change of a VM's vCPUs and memory (MiB); an empty field is left as it is. */
public record HardwareChange(OptionalLong vcpus, OptionalLong memoryMib) {
    public boolean isEmpty() {
        return vcpus.isEmpty() && memoryMib.isEmpty();
    }
}
