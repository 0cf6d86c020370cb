package raypool.cloud.firewall.compile;

import java.util.Optional;

/**
 * One VM network interface (a XAPI VIF) as the compiler needs it: its VM, network, MAC and, when the guest
 * reports one, its IPv4 address. {@code device} is the VIF's device number in the guest (0 for eth0).
 */
public record Interface(String vmName, String vmUuid, String vifUuid, int device, String networkName, String networkUuid,
                        String mac, Optional<String> ip) {
}
