package raypool.cloud.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import raypool.cloud.firewall.apply.OvsApplier;
import raypool.cloud.firewall.compile.CompiledFlows;
import raypool.cloud.firewall.compile.FlowCompiler;
import raypool.cloud.firewall.compile.Layout;
import raypool.cloud.firewall.compile.PoolInterfaces;
import raypool.cloud.firewall.compile.Port;
import raypool.cloud.firewall.decide.Decider;
import raypool.cloud.firewall.decide.Decision;
import raypool.cloud.firewall.decide.OrderedPolicy;
import raypool.cloud.firewall.match.Packet;
import raypool.cloud.firewall.ovs.OvsSwitch;
import raypool.cloud.firewall.policy.Action;
import raypool.cloud.firewall.policy.Direction;
import raypool.cloud.firewall.policy.Ipv4;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.firewall.policy.Rule;

/**
 * The proof that what explain says is what the switch does: seeded random policies are compiled and applied
 * to a real Open vSwitch, and every random packet's decision is compared with ofproto/trace on the applied
 * flows.
 */
class OvsAgreementTest {

    private static final int POLICIES = 40;
    private static final int PACKETS_PER_POLICY = 32;
    private static final String BRIDGE = "br0";

    @TempDir
    static Path dir;
    private static OvsSwitch ovs;

    @BeforeAll
    static void start() throws IOException {
        ovs = OvsSwitch.start(dir.resolve("ovs"));
        CompiledFlows layout = FlowCompiler.compile(OrderedPolicy.of(new Policy("x", raypool.cloud.firewall.policy.FailMode.SECURE,
                true, List.of())), TestPool.interfaces());
        ovs.addBridge(BRIDGE, TestPool.switchPorts(layout.ports(), Layout.UPLINK));
    }

    @AfterAll
    static void stop() {
        if (ovs != null) {
            ovs.close();
        }
    }

    @Test
    void betweenTwoVmsThePacketPassesOnlyWhenTheSendersAndTheReceiversRulesBothAllowIt() throws IOException {
        RandomPolicies random = new RandomPolicies(1208L);
        PoolInterfaces pool = TestPool.interfaces();
        OvsApplier applier = OvsApplier.onThisMachine();
        int compared = 0;
        int allowed = 0;
        for (int i = 0; i < 12; i++) {
            Policy policy = random.policy(i);
            OrderedPolicy ordered = OrderedPolicy.of(policy);
            CompiledFlows flows = FlowCompiler.compile(ordered, pool);
            applier.apply(ovs.target(BRIDGE), flows, raypool.cloud.firewall.policy.FailMode.SECURE, false);
            List<OvsSwitch.Trace> traces = new ArrayList<>();
            List<Boolean> expected = new ArrayList<>();
            while (traces.size() < 25) {
                Port from = flows.ports().get(pool.interfaces().indexOf(random.anyInterface(pool.interfaces())));
                Port to = flows.ports().get(pool.interfaces().indexOf(random.anyInterface(pool.interfaces())));
                Packet p = random.packet();
                if (from.equals(to) || p.established()) {
                    continue;
                }
                int toIp = Ipv4.parse(to.iface().ip().orElse(PacketFlows.UNKNOWN_IP));
                int fromIp = Ipv4.parse(from.iface().ip().orElse(PacketFlows.UNKNOWN_IP));
                Packet out = new Packet(p.isArp(), p.ipProto(), Direction.OUT, toIp, p.dstPort(), p.srcPort(), false);
                Packet in = new Packet(p.isArp(), p.ipProto(), Direction.IN, fromIp, p.dstPort(), p.srcPort(), false);
                expected.add(Decider.decide(ordered, TestPool.attachment(from.iface()), out).action() == Action.ALLOW
                        && Decider.decide(ordered, TestPool.attachment(to.iface()), in).action() == Action.ALLOW);
                traces.add(PacketFlows.between(out, from, to));
            }
            List<String> actions = ovs.trace(BRIDGE, traces);
            for (int k = 0; k < traces.size(); k++) {
                int at = k;
                assertEquals(expected.get(k), OvsSwitch.forwards(actions.get(k)), () -> "policy " + policy.rules().stream()
                        .map(Rule::describe).toList() + "\ntrace " + traces.get(at) + "\nswitch " + actions.get(at));
                compared++;
                allowed += expected.get(k) ? 1 : 0;
            }
        }
        assertEquals(300, compared);
        assertTrue(allowed > 30 && allowed < 270, "allowed " + allowed + " of " + compared);
    }

    @Test
    void explainAndTheSwitchAgreeOnEveryPacket() throws IOException {
        RandomPolicies random = new RandomPolicies(20261208L);
        PoolInterfaces pool = TestPool.interfaces();
        OvsApplier applier = OvsApplier.onThisMachine();
        int compared = 0;
        int allowed = 0;
        int byFileRule = 0;
        for (int i = 0; i < POLICIES; i++) {
            Policy policy = random.policy(i);
            OrderedPolicy ordered = OrderedPolicy.of(policy);
            CompiledFlows flows = FlowCompiler.compile(ordered, pool);
            // Fail mode is the subject of its own test: here the rules must be what decides.
            applier.apply(ovs.target(BRIDGE), flows, raypool.cloud.firewall.policy.FailMode.SECURE, false);
            List<OvsSwitch.Trace> traces = new ArrayList<>();
            List<Decision> expected = new ArrayList<>();
            List<String> described = new ArrayList<>();
            for (int k = 0; k < PACKETS_PER_POLICY; k++) {
                Port port = flows.ports().get(pool.interfaces().indexOf(random.anyInterface(pool.interfaces())));
                Packet packet = random.packet();
                expected.add(Decider.decide(ordered, TestPool.attachment(port.iface()), packet));
                traces.add(PacketFlows.trace(packet, port));
                described.add(port.iface().vmName() + "/" + port.iface().device() + " " + packet);
            }
            List<String> actions = ovs.trace(BRIDGE, traces);
            for (int k = 0; k < traces.size(); k++) {
                boolean switchForwards = OvsSwitch.forwards(actions.get(k));
                Decision d = expected.get(k);
                int at = k;
                assertEquals(d.action() == Action.ALLOW, switchForwards, () -> "policy " + policy.file() + " rules "
                        + policy.rules().stream().map(Rule::describe).toList() + "\npacket " + described.get(at) + "\ntrace "
                        + traces.get(at) + "\nswitch " + actions.get(at) + "\nexplain " + d.describe());
                compared++;
                allowed += switchForwards ? 1 : 0;
                byFileRule += d.origin().isBuiltin() ? 0 : 1;
            }
        }
        assertEquals(POLICIES * PACKETS_PER_POLICY, compared);
        // The draw must exercise both verdicts and the file's rules, or the agreement proves little.
        assertTrue(allowed > compared / 5 && allowed < compared * 4 / 5, "allowed " + allowed + " of " + compared);
        assertTrue(byFileRule > compared / 4, "decided by a file rule: " + byFileRule + " of " + compared);
    }
}
