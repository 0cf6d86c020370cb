package raypool.cloud.firewall.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import raypool.cloud.firewall.policy.BuiltinRules;
import raypool.cloud.firewall.policy.Origin;
import raypool.cloud.firewall.policy.Rule;

class FlowDiffTest {

    @Test
    void groupsAddedAndRemovedFlowsByCookieAndNamesTheRules() {
        String diff = """
                -cookie=0x7, table=2, priority=59998,reg2=0x2,tcp,tp_dst=22 actions=drop
                +cookie=0x7, table=2, priority=59998,reg2=0x2,tcp,tp_dst=2222 actions=drop
                +cookie=0xb0000001, table=2, priority=59992,reg2=0x2,arp actions=resubmit(,3)
                -table=0, priority=100,in_port=1 actions=drop
                -cookie=0x99, table=3, priority=5,ip actions=drop
                """;
        Rule seven = Rule.builder().origin(new Origin("p.yaml", 3)).build();
        Map<Long, Rule> rules = Map.of(7L, seven, 0xb0000001L, BuiltinRules.rules().getFirst());
        assertEquals(List.of(new CookieChange("0x0", "infrastructure", 1, 0), new CookieChange("0x7", "p.yaml:3", 1, 1),
                new CookieChange("0x99", "not in the policy", 1, 0), new CookieChange("0xb0000001", "builtin allow-arp", 0, 1)),
                FlowDiff.of(diff, rules));
        assertEquals(List.of(), FlowDiff.of("", rules));
    }

    @Test
    void aSwitchThatCannotBeReadChangesNothing() {
        List<List<String>> calls = new java.util.ArrayList<>();
        ProcessRunner refusing = command -> {
            calls.add(command);
            return new ProcessRunner.Result(1, "", "ovs-ofctl: connecting to unix:/x/br0.mgmt (No such file or directory)\n");
        };
        OvsApplier applier = new OvsApplier(refusing, "ovs-ofctl", "ovs-vsctl");
        var flows = new raypool.cloud.firewall.compile.CompiledFlows(List.of(), List.of(), Map.of(), List.of());
        var target = OvsTarget.of("br0", java.nio.file.Path.of("/x/db.sock"), java.util.Optional.empty());
        OvsApplier.ApplyFailure e = org.junit.jupiter.api.Assertions.assertThrows(OvsApplier.ApplyFailure.class,
                () -> applier.apply(target, flows, raypool.cloud.firewall.policy.FailMode.SECURE, false));
        assertEquals("reading the flows of unix:/x/br0.mgmt failed: ovs-ofctl: connecting to unix:/x/br0.mgmt (No such file or directory); "
                + "nothing was changed", e.getMessage());
        assertEquals(1, calls.size(), "no replace-flows after a failed read");
        assertEquals("diff-flows", calls.getFirst().get(3));
    }
}
