package raypool.cloud.firewall.xapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import raypool.cloud.firewall.compile.Interface;
import raypool.cloud.firewall.compile.PoolInterfaces;
import raypool.cloud.view.NetworkView;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.VifView;
import raypool.cloud.view.VmView;

/**
 * The pool's VM interfaces as the firewall compiles them, from a pool view: every VIF of a guest (not of a
 * template, snapshot or control domain) with its VM, network, MAC and the address the guest reports for that
 * device. A pure function of the view.
 */
public final class InterfaceReader {

    private InterfaceReader() {
    }

    public static PoolInterfaces of(PoolView view) {
        List<Interface> out = new ArrayList<>();
        for (VifView vif : view.networks().vifs()) {
            Optional<VmView> vm = view.vm(vif.vm());
            if (vm.isEmpty() || !vm.get().guest()) {
                continue;
            }
            Optional<NetworkView> network = view.networks().network(vif.network());
            String networkName = network.map(NetworkView::name).orElse(vif.network().value());
            String networkUuid = network.map(NetworkView::uuid).orElse(vif.network().value());
            Optional<String> ip = Optional.ofNullable(vm.get().ips().get(vif.device())).filter(s -> !s.isBlank());
            out.add(Interface.builder().vm(vm.get().name(), vm.get().uuid()).vif(vif.ref().value(), device(vif.device()))
                    .network(networkName, networkUuid).mac(vif.mac().toLowerCase(java.util.Locale.ROOT)).ip(ip).build());
        }
        return new PoolInterfaces(view.pool().name(), view.pool().uuid(), out);
    }

    private static int device(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
