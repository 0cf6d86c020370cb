package raypool.cloud.network;

import java.util.List;
import java.util.Locale;
import raypool.cloud.report.Report;
import raypool.cloud.view.PoolView;

/** What {@code network list} shows: each network, its tunnels per host, and the VMs on it. */
public record NetworkList(List<Network> networks) implements Report {

    public record Network(String name, String uuid, String bridge, boolean isPrivate, List<Tunnel> tunnels,
                          List<Attached> vms) {
    }

    public record Tunnel(String host, String protocol, boolean active) {
    }

    /** @param ip what the guest agent reports on this interface, "" when it reports nothing */
    public record Attached(String vm, String device, String mac, boolean plugged, String ip) {
    }

    public static NetworkList of(PoolView view) {
        return new NetworkList(view.networks().networks().stream().map(n -> {
            List<Tunnel> tunnels = view.networks().tunnelsOf(n.ref()).stream().map(t -> new Tunnel(
                    view.networks().pif(t.accessPif()).map(p -> view.hostName(p.host())).orElse("?"), t.protocol(),
                    t.active())).toList();
            List<Attached> vms = view.networks().vifsOn(n.ref()).stream().map(v -> {
                var vm = view.vm(v.vm());
                return new Attached(vm.map(x -> x.name()).orElse(v.vm().value()), v.device(), v.mac(), v.attached(),
                        vm.map(x -> x.ips().getOrDefault(v.device(), "")).orElse(""));
            }).toList();
            return new Network(n.name(), n.uuid(), n.bridge(), !tunnels.isEmpty(), tunnels, vms);
        }).toList());
    }

    @Override
    public String text() {
        StringBuilder s = new StringBuilder();
        for (Network n : networks) {
            s.append(String.format(Locale.ROOT, "%s (%s, bridge %s)%s%n", n.name(), n.uuid(), n.bridge(),
                    n.isPrivate() ? ", private" : ""));
            for (Tunnel t : n.tunnels()) {
                s.append(String.format(Locale.ROOT, "  tunnel on %-8s %s %s%n", t.host(), t.protocol(),
                        t.active() ? "active" : "not active"));
            }
            int shown = 0;
            for (Attached a : n.vms()) {
                if (shown++ == 8 && n.vms().size() > 9) {
                    s.append(String.format(Locale.ROOT, "  ... and %d more VMs (--json lists all)%n", n.vms().size() - 8));
                    break;
                }
                s.append(String.format(Locale.ROOT, "  vm %-22s VIF %-2s %s %-9s %s%n", a.vm(), a.device(), a.mac(),
                        a.plugged() ? "plugged" : "unplugged", a.ip()));
            }
        }
        return s.toString();
    }
}
