package raypool.cloud.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.cloud.firewall.apply.ApplyOutcome;
import raypool.cloud.firewall.apply.CookieChange;
import raypool.cloud.firewall.apply.OvsApplier;
import raypool.cloud.firewall.apply.OvsTarget;
import raypool.cloud.firewall.compile.CompiledFlows;
import raypool.cloud.firewall.compile.Flow;
import raypool.cloud.firewall.compile.FlowCompiler;
import raypool.cloud.firewall.compile.Layout;
import raypool.cloud.firewall.compile.PoolInterfaces;
import raypool.cloud.firewall.compile.Port;
import raypool.cloud.firewall.decide.OrderedPolicy;
import raypool.cloud.firewall.decide.PacketParser;
import raypool.cloud.firewall.ovs.OvsSwitch;
import raypool.cloud.firewall.policy.FailMode;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.firewall.policy.PolicyCodec;

/** The firewall on a real Open vSwitch: defaults, fail modes, a rule replaced by cookie, failed applies, tracked replies. */
class OvsFirewallTest {

    private static final String BRIDGE = "br0";
    private static final Pattern N_PACKETS = Pattern.compile("n_packets=(\\d+)");

    @TempDir
    static Path dir;
    private static OvsSwitch ovs;
    private static PoolInterfaces pool;
    private static List<Port> ports;
    private static OvsApplier applier;

    @BeforeAll
    static void start() throws IOException {
        ovs = OvsSwitch.start(dir.resolve("ovs"));
        pool = TestPool.interfaces();
        ports = compile(PolicyCodec.parse("empty.yaml", "rules: []")).ports();
        ovs.addBridge(BRIDGE, TestPool.switchPorts(ports, Layout.UPLINK));
        applier = OvsApplier.onThisMachine();
    }

    @AfterAll
    static void stop() {
        if (ovs != null) {
            ovs.close();
        }
    }

    @AfterEach
    void noController() {
        ovs.vsctl("del-controller", BRIDGE);
    }

    private static CompiledFlows compile(Policy p) {
        return FlowCompiler.compile(OrderedPolicy.of(p), pool);
    }

    private static ApplyOutcome apply(String yaml) {
        Policy p = PolicyCodec.parse("p.yaml", yaml);
        return applier.apply(ovs.target(BRIDGE), compile(p), p.failMode(), false);
    }

    private static Port web1() {
        return ports.stream().filter(p -> p.iface().vmName().equals("web1") && p.iface().device() == 0).findFirst().orElseThrow();
    }

    private static List<Boolean> verdicts(String... packets) throws IOException {
        List<OvsSwitch.Trace> traces = new ArrayList<>();
        for (String p : packets) {
            traces.add(PacketFlows.trace(PacketParser.parse(p), web1()));
        }
        return ovs.trace(BRIDGE, traces).stream().map(OvsSwitch::forwards).toList();
    }

    @Test
    void theArticlesDefaultsLetArpDhcpDnsAndTheRestThrough() throws IOException {
        apply("rules: []");
        assertEquals(List.of(true, true, true, true, true), verdicts("arp,in,remote=10.0.0.1", "dhcp,out", "dhcp,in",
                "dns,out,remote=8.8.8.8", "tcp,in,remote=10.1.2.3,port=22"));
        apply("builtin_defaults: false\nrules: []");
        assertEquals(List.of(false, false, false), verdicts("arp,in,remote=10.0.0.1", "dns,out,remote=8.8.8.8", "tcp,in,port=22"));
    }

    @Test
    void aNarrowerDefaultOverridesAWiderOneAndMandatoryOverridesBoth() throws IOException {
        apply("""
                rules:
                  - {level: global, kind: default, action: deny, protocol: tcp, direction: in, port: 22}
                  - {level: vm, target: web1, kind: default, action: allow, protocol: tcp, direction: in, port: 22, remote: 10.1.0.0/16}
                  - {level: network, target: lab, kind: mandatory, action: deny, protocol: tcp, direction: in, port: 22, remote: 10.1.2.0/24}
                """);
        assertEquals(List.of(false, true, false), verdicts("tcp,in,remote=10.9.0.1,port=22", "tcp,in,remote=10.1.9.9,port=22",
                "tcp,in,remote=10.1.2.3,port=22"));
    }

    @Test
    void secureKeepsTheRulesWithoutTheControllerAndOpenLetsEverythingPass() throws IOException, InterruptedException {
        String deny = "rules:\n  - {level: global, kind: mandatory, action: deny, protocol: tcp, direction: in, port: 22}\n";
        // A controller that never answers, probed at once: the bridge is without its controller from the start.
        apply("fail_mode: secure\n" + deny);
        ovs.vsctl("set-controller", BRIDGE, "tcp:127.0.0.1:9", "--", "set", "controller", BRIDGE, "inactivity_probe=0");
        assertEquals("secure", ovs.vsctl("get-fail-mode", BRIDGE).stdout().strip());
        Thread.sleep(1500);
        assertEquals(List.of(false), verdicts("tcp,in,remote=10.1.2.3,port=22"));
        apply("fail_mode: open\n" + deny);
        assertEquals("standalone", ovs.vsctl("get-fail-mode", BRIDGE).stdout().strip());
        boolean passed = false;
        for (int i = 0; i < 50 && !passed; i++) {
            passed = verdicts("tcp,in,remote=10.1.2.3,port=22").getFirst();
            if (!passed) {
                Thread.sleep(100);
            }
        }
        assertTrue(passed, "fail mode open: the denied packet passes once the controller is missing");
        ovs.vsctl("del-controller", BRIDGE);
        apply("fail_mode: secure\n" + deny);
        assertEquals(List.of(false), verdicts("tcp,in,remote=10.1.2.3,port=22"));
    }

    @Test
    void changingTheFailModeKeepsTheAppliedFlows() {
        // A bridge as Open vSwitch makes it: standalone, with its one NORMAL flow.
        ovs.vsctl("add-br", "br1", "--", "set", "bridge", "br1", "datapath_type=netdev");
        Policy p = PolicyCodec.parse("p.yaml", "fail_mode: secure\nrules:\n  - {level: global, kind: mandatory, action: deny, protocol: icmp}\n");
        CompiledFlows flows = compile(p);
        ApplyOutcome first = applier.apply(ovs.target("br1"), flows, p.failMode(), false);
        int infrastructure = (int) flows.flows().stream().filter(f -> f.cookie() == Layout.INFRASTRUCTURE_COOKIE).count();
        assertEquals(new CookieChange("0x0", "infrastructure", 1, infrastructure), first.changes().getFirst(), "NORMAL goes");
        assertEquals("secure", ovs.vsctl("get-fail-mode", "br1").stdout().strip());
        assertEquals(List.of(), applier.apply(ovs.target("br1"), flows, p.failMode(), true).changes(), "the flows are all there");
    }

    @Test
    void aRuleWithAnIdIsReplacedUnderItsCookieAndNothingElseChanges() throws IOException {
        String before = """
                rules:
                  - {level: global, kind: mandatory, action: deny, protocol: tcp, direction: in, port: 23}
                  - {level: vm, target: web1, kind: mandatory, action: deny, protocol: tcp, direction: in, port: 22, id: 7}
                """;
        apply(before);
        assertEquals(List.of(false, true), verdicts("tcp,in,port=22", "tcp,in,port=2222"));
        ApplyOutcome o = apply(before.replace("port: 22,", "port: 2222,"));
        assertEquals(List.of(new CookieChange("0x7", "p.yaml:3", 1, 1)), o.changes());
        assertEquals(List.of(true, false), verdicts("tcp,in,port=22", "tcp,in,port=2222"));
        String flows = ovs.ofctl("dump-flows", BRIDGE, "cookie=0x7/-1").stdout();
        assertTrue(flows.contains("tp_dst=2222"), flows);
        assertEquals(List.of(), apply(before.replace("port: 22,", "port: 2222,")).changes(), "applying again changes nothing");
    }

    @Test
    void whenTheSwitchRefusesTheBundleTheOldFlowsStay() {
        apply("rules:\n  - {level: global, kind: mandatory, action: deny, protocol: icmp}\n");
        String before = ovs.ofctl("dump-flows", "--no-stats", BRIDGE).stdout();
        CompiledFlows good = compile(PolicyCodec.parse("p.yaml", "rules: []"));
        List<Flow> flows = new ArrayList<>(good.flows());
        // Good syntax that only the switch can refuse: the group does not exist.
        flows.add(new Flow(Layout.FORWARD, 5, 0x99, "ip", "group:99"));
        CompiledFlows bad = new CompiledFlows(flows, good.ports(), good.rulesByCookie(), List.of());
        OvsApplier.ApplyFailure e = assertThrows(OvsApplier.ApplyFailure.class,
                () -> applier.apply(ovs.target(BRIDGE), bad, FailMode.SECURE, false));
        assertTrue(e.getMessage().endsWith("the bridge keeps its old flows"), e.getMessage());
        assertEquals(before, ovs.ofctl("dump-flows", "--no-stats", BRIDGE).stdout());
        OvsTarget nowhere = OvsTarget.of("br9", dir.resolve("missing/db.sock"), Optional.empty());
        assertTrue(assertThrows(OvsApplier.ApplyFailure.class, () -> applier.apply(nowhere, good, FailMode.SECURE, false))
                .getMessage().contains("nothing was changed"));
    }

    @Test
    void repliesOfAnAllowedOutgoingConnectionComeBackThroughTheTracker() throws IOException {
        apply("rules:\n  - {level: global, kind: mandatory, action: deny, protocol: ip, direction: in}\n");
        Port web1 = web1();
        String vmIp = web1.iface().ip().orElseThrow();
        String out = "in_port(%d),eth(src=%s,dst=%s),eth_type(0x0800),ipv4(src=%s,dst=10.1.2.3,proto=17,tos=0,ttl=64,frag=no),"
                + "udp(src=40000,dst=5000)";
        String back = "in_port(%d),eth(src=%s,dst=%s),eth_type(0x0800),ipv4(src=10.1.2.3,dst=%s,proto=17,tos=0,ttl=64,frag=no),"
                + "udp(src=%d,dst=40000)";
        // Unsolicited first: dropped.
        ovs.appctl("netdev-dummy/receive", "uplink", String.format(back, 0, TestPool.GATEWAY_MAC, web1.iface().mac(), vmIp, 5000));
        assertEquals(0, deliveredTo(web1));
        ovs.appctl("netdev-dummy/receive", "vif" + web1.ofport(), String.format(out, 0, web1.iface().mac(), TestPool.GATEWAY_MAC, vmIp));
        ovs.appctl("netdev-dummy/receive", "uplink", String.format(back, 0, TestPool.GATEWAY_MAC, web1.iface().mac(), vmIp, 5000));
        assertEquals(1, deliveredTo(web1), "the reply comes back");
        // Another port of the same remote is another connection: still denied.
        ovs.appctl("netdev-dummy/receive", "uplink", String.format(back, 0, TestPool.GATEWAY_MAC, web1.iface().mac(), vmIp, 5001));
        assertEquals(1, deliveredTo(web1));
    }

    private static int deliveredTo(Port p) {
        String flows = ovs.ofctl("dump-flows", BRIDGE, "table=" + Layout.FORWARD + ",reg2=" + Layout.TO_VM + ",reg1=" + p.ofport()).stdout();
        Matcher m = N_PACKETS.matcher(flows);
        assertTrue(m.find(), flows);
        int n = Integer.parseInt(m.group(1));
        assertFalse(m.find(), "one forwarding flow per interface");
        return n;
    }
}
