package raypool.cloud.firewall.decide;

import java.util.Set;

/**
 * What decides which rules apply to one VM interface: the names and UUIDs of its pool, network and VM. A
 * rule's target may be either.
 */
public record Attachment(Set<String> pool, Set<String> network, Set<String> vm) {

    public Attachment {
        pool = Set.copyOf(pool);
        network = Set.copyOf(network);
        vm = Set.copyOf(vm);
    }

    public static Attachment of(String poolName, String networkName, String vmName) {
        return new Attachment(Set.of(poolName), Set.of(networkName), Set.of(vmName));
    }
}
