package raypool.cloud.firewall.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import raypool.cloud.firewall.TestPool;
import raypool.cloud.firewall.decide.OrderedPolicy;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.firewall.policy.PolicyCodec;
import raypool.cloud.firewall.policy.Rule;

class FlowCompilerTest {

    private static final String POLICY = """
            rules:
              - {level: vm, target: web1, kind: default, action: allow, protocol: tcp, direction: in, port: 22}
              - {level: global, kind: mandatory, action: deny, protocol: tcp, direction: in, port: 23, id: 42}
              - {level: network, target: nowhere, kind: default, action: deny, protocol: icmp}
              - {level: network, target: lab, kind: mandatory, action: deny, protocol: udp, direction: out, port: 8000-8100}
            """;

    private static CompiledFlows compile(String yaml) {
        return FlowCompiler.compile(OrderedPolicy.of(PolicyCodec.parse("p.yaml", yaml)), TestPool.interfaces());
    }

    private static List<Flow> flowsOf(CompiledFlows c, int line) {
        long cookie = c.rulesByCookie().entrySet().stream().filter(e -> e.getValue().origin().line() == line).findFirst().orElseThrow().getKey();
        return c.flows().stream().filter(f -> f.cookie() == cookie).toList();
    }

    @Test
    void prioritiesFollowFirstMatchOrderNotFileOrder() {
        CompiledFlows c = compile(POLICY);
        int globalMandatory = flowsOf(c, 3).getFirst().priority();
        int networkMandatory = flowsOf(c, 5).getFirst().priority();
        int vmDefault = flowsOf(c, 2).getFirst().priority();
        assertTrue(globalMandatory > networkMandatory && networkMandatory > vmDefault, globalMandatory + " " + networkMandatory + " " + vmDefault);
        assertEquals(Layout.FIRST_RULE_PRIORITY, globalMandatory);
    }

    @Test
    void aRuleTargetsItsNetworkOrVmByRegisterAndARangeSplitsIntoBlocks() {
        CompiledFlows c = compile(POLICY);
        List<Flow> lab = flowsOf(c, 5);
        assertEquals(4, lab.size(), lab.toString());
        String head = "reg3=" + networkId(c, "lab") + ",reg2=1,udp,tp_dst=";
        assertTrue(lab.stream().allMatch(f -> f.match().startsWith(head) && f.actions().equals("drop")), lab.toString());
        List<Flow> web1 = flowsOf(c, 2);
        assertEquals(List.of("reg4=" + vmId(c, "web1") + ",reg2=2,tcp,tp_dst=22"), web1.stream().map(Flow::match).toList());
        assertTrue(web1.getFirst().actions().startsWith("ct(commit,"), "an allowed connection is committed to the tracker");
    }

    private static int networkId(CompiledFlows c, String network) {
        List<String> order = c.ports().stream().map(p -> p.iface().networkUuid()).distinct().toList();
        return order.indexOf(TestPool.uuid("net-" + network)) + 1;
    }

    private static int vmId(CompiledFlows c, String vm) {
        List<String> order = c.ports().stream().map(p -> p.iface().vmUuid()).distinct().toList();
        return order.indexOf(TestPool.uuid("vm-" + vm)) + 1;
    }

    @Test
    void cookiesComeFromIdsOrWhatTheRuleSaysAndTargetsOutsideThePoolAreReported() {
        CompiledFlows c = compile(POLICY);
        assertEquals(3, c.rulesByCookie().get(42L).origin().line());
        List<Rule> unmatched = c.unmatchedTargets();
        assertEquals(List.of(4), unmatched.stream().map(r -> r.origin().line()).toList());
        assertTrue(flowsOf(c, 4).isEmpty());
        // Editing one rule keeps the other rules' cookies.
        CompiledFlows edited = compile(POLICY.replace("port: 8000-8100", "port: 8000-8200"));
        assertEquals(flowsOf(c, 2).getFirst().cookie(), flowsOf(edited, 2).getFirst().cookie());
        assertNotEquals(flowsOf(c, 5).getFirst().cookie(), flowsOf(edited, 5).getFirst().cookie());
    }

    @Test
    void everyInterfaceGetsAPortAndAMacCheckedClassifier() {
        CompiledFlows c = compile("rules: []");
        assertEquals(TestPool.interfaces().interfaces().size(), c.ports().size());
        for (Port p : c.ports()) {
            assertTrue(c.flows().stream().anyMatch(f -> f.table() == Layout.CLASSIFY && f.match().equals("in_port=" + p.ofport() + ",dl_src="
                    + p.iface().mac())), p.toString());
        }
        String text = c.text();
        assertTrue(text.lines().allMatch(l -> l.startsWith("cookie=0x") && l.contains(",actions=")), text);
    }

    @Test
    void thePortMapRoundTrips() {
        Policy p = PolicyCodec.parse("p.yaml", "rules: []");
        PortMap map = PortMap.of(FlowCompiler.compile(OrderedPolicy.of(p), TestPool.interfaces()).ports());
        String json = PortMapCodec.write(map);
        assertEquals(map, PortMapCodec.read("ports.json", json));
        assertTrue(json.contains("\"ofport\" : 1"), json);
        assertTrue(map.ports().stream().anyMatch(e -> e.ip().isEmpty()), "build1 reports no address");
    }
}
