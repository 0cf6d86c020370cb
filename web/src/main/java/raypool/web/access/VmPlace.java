package raypool.web.access;

import java.util.Optional;

/** Where a VM is, as far as access goes: its uuid and the host it runs on (none while halted or suspended). */
public record VmPlace(String vmUuid, Optional<String> hostUuid) {
}
