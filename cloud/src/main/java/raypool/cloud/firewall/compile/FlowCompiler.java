package raypool.cloud.firewall.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import raypool.cloud.firewall.decide.OrderedPolicy;
import raypool.cloud.firewall.match.Atom;
import raypool.cloud.firewall.policy.Action;
import raypool.cloud.firewall.policy.Direction;
import raypool.cloud.firewall.policy.Ipv4;
import raypool.cloud.firewall.policy.Rule;

/**
 * Compiles an ordered policy for a pool's interfaces into OpenFlow 1.3 flows (see {@link Layout}). A pure
 * function. Rules are matched on the network or VM register rather than per interface, so a rule costs the same
 * number of flows however many interfaces it applies to.
 */
public final class FlowCompiler {

    private static final String COMMIT = "ct(commit," + Layout.ZONE + "),resubmit(," + Layout.FORWARD + ")";
    private static final String PASS = "resubmit(," + Layout.FORWARD + ")";

    private FlowCompiler() {
    }

    public static CompiledFlows compile(OrderedPolicy policy, PoolInterfaces pool) {
        if (policy.entries().size() > Layout.MAX_RULES) {
            throw new IllegalArgumentException("a policy holds at most " + Layout.MAX_RULES + " rules, this one " + policy.entries().size());
        }
        List<Port> ports = new ArrayList<>();
        Map<String, Integer> networks = new LinkedHashMap<>();
        Map<String, Integer> vms = new LinkedHashMap<>();
        for (Interface i : pool.interfaces()) {
            ports.add(new Port(i, ports.size() + 1));
            networks.putIfAbsent(i.networkUuid(), networks.size() + 1);
            vms.putIfAbsent(i.vmUuid(), vms.size() + 1);
        }
        Ids ids = new Ids(networks, vms);
        List<Flow> flows = new ArrayList<>();
        classify(ports, ids, flows);
        track(flows);
        Map<Long, Rule> cookies = new HashMap<>();
        List<Rule> unmatched = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (OrderedPolicy.Entry e : policy.entries()) {
            Rule r = e.rule();
            int occurrence = occurrences.merge(r.describe(), 1, Integer::sum) - 1;
            long cookie = Cookies.of(r, occurrence);
            cookies.put(cookie, r);
            List<String> scopes = scopes(r, pool, ports, ids);
            if (scopes.isEmpty()) {
                unmatched.add(r);
            }
            int priority = Layout.priorityOf(e.rank());
            for (String scope : scopes) {
                for (Atom a : e.atoms()) {
                    rule(r.action(), a, scope, priority, cookie, flows);
                }
            }
        }
        flows.add(new Flow(Layout.RULES, 0, Layout.INFRASTRUCTURE_COOKIE, "", "drop"));
        forward(ports, ids, flows);
        return new CompiledFlows(flows, ports, cookies, unmatched);
    }

    private record Ids(Map<String, Integer> networks, Map<String, Integer> vms) {
        String load(Port p, int direction) {
            return "set_field:" + p.ofport() + "->" + Layout.INTERFACE_REG + ",set_field:" + direction + "->" + Layout.DIRECTION_REG
                    + ",set_field:" + networks.get(p.iface().networkUuid()) + "->" + Layout.NETWORK_REG
                    + ",set_field:" + vms.get(p.iface().vmUuid()) + "->" + Layout.VM_REG;
        }
    }

    private static void classify(List<Port> ports, Ids ids, List<Flow> flows) {
        long c = Layout.INFRASTRUCTURE_COOKIE;
        String next = ",resubmit(," + Layout.TRACK + ")";
        StringBuilder broadcast = new StringBuilder();
        for (Port p : ports) {
            String from = "in_port=" + p.ofport() + ",dl_src=" + p.iface().mac();
            String load = ids.load(p, Layout.FROM_VM) + next;
            Optional<String> ip = p.iface().ip();
            if (ip.isPresent()) {
                // A VM may only speak from its own address (and from none while it asks DHCP for one).
                flows.add(new Flow(Layout.CLASSIFY, 110, c, from + ",ip,nw_src=" + ip.get(), load));
                flows.add(new Flow(Layout.CLASSIFY, 110, c, from + ",arp,arp_spa=" + ip.get(), load));
                flows.add(new Flow(Layout.CLASSIFY, 110, c, from + ",udp,nw_src=0.0.0.0,tp_src=68,tp_dst=67", load));
                flows.add(new Flow(Layout.CLASSIFY, 105, c, "in_port=" + p.ofport() + ",ip", "drop"));
                flows.add(new Flow(Layout.CLASSIFY, 105, c, "in_port=" + p.ofport() + ",arp", "drop"));
            }
            flows.add(new Flow(Layout.CLASSIFY, 100, c, from, load));
            String load2 = ids.load(p, Layout.TO_VM) + next;
            flows.add(new Flow(Layout.CLASSIFY, 100, c, "in_port=" + Layout.UPLINK + ",dl_dst=" + p.iface().mac(), load2));
            broadcast.append(broadcast.isEmpty() ? "" : ",").append("clone(").append(load2).append(')');
        }
        if (!ports.isEmpty()) {
            flows.add(new Flow(Layout.CLASSIFY, 90, c, "in_port=" + Layout.UPLINK + ",dl_dst=01:00:00:00:00:00/01:00:00:00:00:00",
                    broadcast.toString()));
        }
        flows.add(new Flow(Layout.CLASSIFY, 0, c, "", "drop"));
    }

    private static void track(List<Flow> flows) {
        long c = Layout.INFRASTRUCTURE_COOKIE;
        flows.add(new Flow(Layout.TRACK, 10, c, "ip", "ct(table=" + Layout.RULES + "," + Layout.ZONE + ")"));
        flows.add(new Flow(Layout.TRACK, 0, c, "", "resubmit(," + Layout.RULES + ")"));
        flows.add(new Flow(Layout.RULES, Layout.INVALID_PRIORITY, c, "ct_state=+trk+inv,ip", "drop"));
        flows.add(new Flow(Layout.RULES, Layout.ESTABLISHED_PRIORITY, c, "ct_state=+trk+est,ip", PASS));
        flows.add(new Flow(Layout.RULES, Layout.ESTABLISHED_PRIORITY, c, "ct_state=+trk+rel,ip", PASS));
    }

    private static List<String> scopes(Rule r, PoolInterfaces pool, List<Port> ports, Ids ids) {
        return switch (r.level()) {
            case GLOBAL -> List.of("");
            case POOL -> r.target().orElseThrow().equals(pool.poolName()) || r.target().orElseThrow().equals(pool.poolUuid())
                    ? List.of("") : List.of();
            case NETWORK -> ports.stream().map(Port::iface)
                    .filter(i -> r.target().orElseThrow().equals(i.networkName()) || r.target().orElseThrow().equals(i.networkUuid()))
                    .map(i -> Layout.NETWORK_REG + "=" + ids.networks().get(i.networkUuid()) + ",").distinct().toList();
            case VM -> ports.stream().map(Port::iface)
                    .filter(i -> r.target().orElseThrow().equals(i.vmName()) || r.target().orElseThrow().equals(i.vmUuid()))
                    .map(i -> Layout.VM_REG + "=" + ids.vms().get(i.vmUuid()) + ",").distinct().toList();
        };
    }

    private static void rule(Action action, Atom a, String scope, int priority, long cookie, List<Flow> flows) {
        boolean out = a.direction() == Direction.OUT;
        String head = scope + Layout.DIRECTION_REG + "=" + (out ? Layout.FROM_VM : Layout.TO_VM);
        String remote = a.remote().isAny() ? "" : "=" + Ipv4.format(a.remote().network()) + "/" + a.remote().prefix();
        boolean allow = action == Action.ALLOW;
        switch (a.layer()) {
            case ANY -> {
                // Only IPv4 can be committed to the tracker: it gets the rule's upper priority, the rest the lower.
                flows.add(new Flow(Layout.RULES, priority, cookie, head + ",ip", allow ? COMMIT : "drop"));
                flows.add(new Flow(Layout.RULES, priority - 1, cookie, head, allow ? PASS : "drop"));
            }
            case ARP -> flows.add(new Flow(Layout.RULES, priority, cookie,
                    head + ",arp" + (remote.isEmpty() ? "" : (out ? ",arp_tpa" : ",arp_spa") + remote), allow ? PASS : "drop"));
            default -> {
                String proto = switch (a.ipProto()) {
                    case 0 -> ",ip";
                    case Atom.ICMP -> ",icmp";
                    case Atom.TCP -> ",tcp";
                    case Atom.UDP -> ",udp";
                    default -> ",ip,nw_proto=" + a.ipProto();
                };
                String match = head + proto + (remote.isEmpty() ? "" : (out ? ",nw_dst" : ",nw_src") + remote);
                String actions = allow ? COMMIT : "drop";
                if (!a.hasPorts() || (a.dst().isAll() && a.src().isAll())) {
                    flows.add(new Flow(Layout.RULES, priority, cookie, match, actions));
                    return;
                }
                for (PortMasks.Block d : a.dst().isAll() ? List.<PortMasks.Block>of() : PortMasks.of(a.dst())) {
                    addSrc(match + ",tp_dst=" + d.text(), a, priority, cookie, actions, flows);
                }
                if (a.dst().isAll()) {
                    addSrc(match, a, priority, cookie, actions, flows);
                }
            }
        }
    }

    private static void addSrc(String match, Atom a, int priority, long cookie, String actions, List<Flow> flows) {
        if (a.src().isAll()) {
            flows.add(new Flow(Layout.RULES, priority, cookie, match, actions));
            return;
        }
        for (PortMasks.Block s : PortMasks.of(a.src())) {
            flows.add(new Flow(Layout.RULES, priority, cookie, match + ",tp_src=" + s.text(), actions));
        }
    }

    private static void forward(List<Port> ports, Ids ids, List<Flow> flows) {
        long c = Layout.INFRASTRUCTURE_COOKIE;
        for (Port p : ports) {
            flows.add(new Flow(Layout.FORWARD, 100, c, Layout.DIRECTION_REG + "=" + Layout.TO_VM + "," + Layout.INTERFACE_REG + "=" + p.ofport(),
                    "output:" + p.ofport()));
            // Between two VMs of the pool the packet also passes the receiver's rules, in the receiver's zone.
            flows.add(new Flow(Layout.FORWARD, 100, c, Layout.DIRECTION_REG + "=" + Layout.FROM_VM + ",dl_dst=" + p.iface().mac(),
                    ids.load(p, Layout.TO_VM) + ",resubmit(," + Layout.TRACK + ")"));
        }
        flows.add(new Flow(Layout.FORWARD, 10, c, Layout.DIRECTION_REG + "=" + Layout.FROM_VM, "output:" + Layout.UPLINK));
        flows.add(new Flow(Layout.FORWARD, 0, c, "", "drop"));
    }
}
