package raypool.cloud.firewall.compile;

import java.util.Comparator;
import java.util.List;

/** Every VM interface of one pool, with the pool's name and UUID, in a stable order (VM name, device, VIF). */
public record PoolInterfaces(String poolName, String poolUuid, List<Interface> interfaces) {

    public PoolInterfaces {
        interfaces = interfaces.stream()
                .sorted(Comparator.comparing(Interface::vmName).thenComparing(Interface::device).thenComparing(Interface::vifUuid))
                .toList();
    }
}
