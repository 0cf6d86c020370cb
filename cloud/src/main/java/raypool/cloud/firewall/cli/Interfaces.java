package raypool.cloud.firewall.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import raypool.cloud.firewall.compile.Interface;
import raypool.cloud.firewall.compile.PoolInterfaces;
import raypool.cloud.firewall.decide.Attachment;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VmView;
import raypool.xapi.connect.CommandFailure;

/** Finds the interface {@code --vm} (and {@code --network}) name, and what attaches it to the policy. */
final class Interfaces {

    private Interfaces() {
    }

    static Attachment attachment(PoolView view, PoolInterfaces pool, String vmKey, Optional<String> networkKey) {
        List<VmView> vms = view.vmsNamed(vmKey).stream().filter(VmView::guest).toList();
        if (vms.isEmpty()) {
            List<String> names = view.vms().stream().filter(VmView::guest).map(VmView::name).sorted().limit(6).toList();
            throw CommandFailure.badInput("option --vm: no VM '" + vmKey + "' in pool " + view.pool().name() + " (its VMs include: "
                    + String.join(", ", names) + ")");
        }
        if (vms.size() > 1) {
            throw CommandFailure.badInput("option --vm: '" + vmKey + "' names " + vms.size() + " VMs; give one's UUID");
        }
        VmView vm = vms.getFirst();
        List<Interface> mine = pool.interfaces().stream().filter(i -> i.vmUuid().equals(vm.uuid()))
                .filter(i -> networkKey.map(n -> n.equals(i.networkName()) || n.equals(i.networkUuid())).orElse(true))
                .sorted(Comparator.comparingInt(Interface::device)).toList();
        Set<String> pools = Set.of(view.pool().name(), view.pool().uuid());
        if (mine.isEmpty()) {
            if (networkKey.isPresent()) {
                throw CommandFailure.badInput("option --network: VM " + vm.name() + " has no interface on '" + networkKey.get() + "'");
            }
            // A VM without interfaces: only global, pool and VM rules can apply.
            return new Attachment(pools, Set.of(), Set.of(vm.name(), vm.uuid()));
        }
        Interface i = mine.getFirst();
        return new Attachment(pools, Set.of(i.networkName(), i.networkUuid()), Set.of(vm.name(), vm.uuid()));
    }
}
