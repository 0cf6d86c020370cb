package raypool.cloud.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import raypool.cloud.plan.Arg;
import raypool.cloud.plan.Plan;
import raypool.cloud.plan.Step;
import raypool.cloud.view.HostView;
import raypool.cloud.view.NetworkView;
import raypool.cloud.view.PifView;
import raypool.cloud.view.PoolView;
import raypool.cloud.view.TunnelView;
import raypool.cloud.view.VifView;
import raypool.cloud.view.VmView;
import raypool.xapi.connect.CommandFailure;

/**
 * Private networks, decided over a {@link PoolView} (pure): a network with a GRE tunnel on every
 * host's management PIF, as the vswitch controller expects (XenCenter's cross-server private network),
 * and VMs attached to it by a VIF. Each decision plans only what is missing.
 */
public final class NetworkDecider {
    private NetworkDecider() {
    }

    /** network.create unless a network of this name exists, then tunnel.create on each host lacking one. */
    public static Plan createPrivate(PoolView view, String name) {
        List<NetworkView> named = view.networks().named(name);
        if (named.size() > 1) {
            throw CommandFailure.badInput("network " + name + ": " + named.size() + " networks have this name; give its UUID");
        }
        Plan.Builder plan = Plan.builder();
        Optional<NetworkView> existing = named.stream().findFirst();
        Arg network;
        List<HostView> missing;
        if (existing.isPresent()) {
            NetworkView n = existing.get();
            network = Arg.ref(n.ref(), n.name());
            List<TunnelView> tunnels = view.networks().tunnelsOf(n.ref());
            missing = view.hosts().stream().filter(h -> tunnels.stream().noneMatch(t -> view.networks().pif(t.accessPif())
                    .map(p -> p.host().equals(h.ref())).orElse(false))).toList();
            if (tunnels.isEmpty() && view.networks().pifs().stream().anyMatch(p -> p.network().equals(n.ref()))) {
                throw CommandFailure.badInput("network " + name + ": exists and is carried by physical interfaces, "
                        + "not a private network");
            }
            plan.note("network " + name + " exists (" + tunnels.size() + " of " + view.hosts().size() + " hosts have its tunnel)");
        } else {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("name_label", name);
            record.put("name_description", "private network across the pool's hosts (GRE tunnels)");
            record.put("MTU", 1500);
            record.put("other_config", Map.of());
            int created = plan.add(Step.of("network.create", name, "a network of its own for the private traffic",
                    Arg.map(record, "{name_label=" + name + ", MTU=1500}")));
            network = new Arg.ResultOf(created, "<network " + name + ">");
            missing = view.hosts();
        }
        for (HostView h : missing) {
            PifView transport = managementPif(view, h);
            plan.add(Step.of("tunnel.create", name + " on " + h.name(), "carry " + name + " to " + h.name()
                    + " over its management interface " + transport.device() + " (" + transport.ip() + ")",
                    Arg.ref(transport.ref(), h.name() + "/" + transport.device()), network));
        }
        return plan.build();
    }

    private static PifView managementPif(PoolView view, HostView h) {
        return view.networks().pif(h.managementPif()).orElseThrow(() -> CommandFailure.refused("host " + h.name()
                + " has no management PIF " + h.managementPif() + " in the pool's PIF list"));
    }

    /** VIF.create on the lowest free device, then VIF.plug when the VM runs; nothing when it is attached. */
    public static Plan attach(PoolView view, VmView vm, NetworkView network) {
        List<VifView> there = view.networks().vifs().stream()
                .filter(v -> v.vm().equals(vm.ref()) && v.network().equals(network.ref())).toList();
        if (!there.isEmpty()) {
            VifView v = there.getFirst();
            if (v.attached() || !vm.running()) {
                return Plan.nothing("VM " + vm.name() + " is on " + network.name() + " already (VIF " + v.device() + ")");
            }
            return singlePlug(v, vm);
        }
        List<String> used = view.networks().vifs().stream().filter(v -> v.vm().equals(vm.ref())).map(VifView::device).toList();
        String device = Integer.toString(IntStream.range(0, 64).filter(d -> !used.contains(Integer.toString(d)))
                .findFirst().orElseThrow(() -> CommandFailure.refused("VM " + vm.name() + " has no free VIF device")));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("device", device);
        record.put("network", network.ref().value());
        record.put("VM", vm.ref().value());
        record.put("MAC", "");
        record.put("MTU", 1500);
        record.put("other_config", Map.of());
        record.put("qos_algorithm_type", "");
        record.put("qos_algorithm_params", Map.of());
        Plan.Builder plan = Plan.builder();
        int created = plan.add(Step.of("VIF.create", vm.name() + "/" + device, "a virtual interface for " + vm.name()
                + " on " + network.name(), Arg.map(record, "{VM=" + vm.name() + ", network=" + network.name()
                + ", device=" + device + "}")));
        if (vm.running()) {
            plan.add(Step.of("VIF.plug", vm.name() + "/" + device, vm.name() + " runs: plug the interface now",
                    new Arg.ResultOf(created, "<VIF " + device + " of " + vm.name() + ">")));
        } else {
            plan.note("VM " + vm.name() + " is " + vm.powerState() + ": the interface is plugged when it starts");
        }
        return plan.build();
    }

    private static Plan singlePlug(VifView v, VmView vm) {
        return new Plan(List.of(Step.of("VIF.plug", vm.name() + "/" + v.device(), "the VIF exists but is unplugged",
                Arg.ref(v.ref(), vm.name() + "/VIF " + v.device()))), List.of());
    }

    /** VIF.unplug (when plugged) and VIF.destroy of each VIF of the VM on the network; nothing when none. */
    public static Plan detach(PoolView view, VmView vm, NetworkView network) {
        List<VifView> there = view.networks().vifs().stream()
                .filter(v -> v.vm().equals(vm.ref()) && v.network().equals(network.ref())).toList();
        if (there.isEmpty()) {
            return Plan.nothing("VM " + vm.name() + " is not on " + network.name());
        }
        Plan.Builder plan = Plan.builder();
        for (VifView v : there) {
            Arg vif = Arg.ref(v.ref(), vm.name() + "/VIF " + v.device());
            if (v.attached()) {
                plan.add(Step.of("VIF.unplug", vm.name() + "/" + v.device(), "unplug before destroying", vif));
            }
            plan.add(Step.of("VIF.destroy", vm.name() + "/" + v.device(), "take " + vm.name() + " off " + network.name(), vif));
        }
        return plan.build();
    }
}
