package raypool.cloud.firewall.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import raypool.cloud.firewall.decide.OrderedPolicy;
import raypool.cloud.firewall.policy.PolicyCodec;

class PolicyCheckerTest {

    private static List<Finding> check(String yaml) {
        return PolicyChecker.check(OrderedPolicy.of(PolicyCodec.parse("p.yaml", yaml)));
    }

    @Test
    void aRuleCoveredByAnEarlierOneIsShadowedEvenAcrossTiers() {
        List<Finding> f = check("""
                rules:
                  - {level: vm, target: web1, kind: default, action: allow, protocol: tcp, direction: in, port: 22, remote: 10.1.0.0/16}
                  - {level: global, kind: mandatory, action: deny, protocol: tcp, direction: in, remote: 10.0.0.0/8}
                  - {level: global, kind: mandatory, action: deny, protocol: tcp, direction: out, port: 22}
                """);
        assertEquals(1, f.size(), f.toString());
        assertEquals(Finding.Type.SHADOWED, f.getFirst().type());
        assertEquals(2, f.getFirst().at().line());
        // it comes first in the file, but a vm default rule is tried after every mandatory one
        assertEquals("p.yaml:2: warning: rule never matches: line 3 (global mandatory deny tcp in remote 10.0.0.0/8) comes first "
                + "and covers it", f.getFirst().toString());
    }

    @Test
    void dnsIsCoveredByIpButNotByUdpAlone() {
        List<Finding> f = check("""
                rules:
                  - {level: global, kind: mandatory, action: allow, protocol: udp}
                  - {level: global, kind: mandatory, action: allow, protocol: dns}
                  - {level: global, kind: mandatory, action: allow, protocol: ip}
                  - {level: global, kind: mandatory, action: deny, protocol: dhcp}
                """);
        assertEquals(List.of(5), f.stream().filter(x -> x.type() == Finding.Type.SHADOWED).map(x -> x.at().line()).toList(), f.toString());
    }

    @Test
    void oppositeOverlappingRulesAtTheSameLevelConflict() {
        List<Finding> f = check("""
                rules:
                  - {level: network, target: lab, kind: default, action: allow, protocol: tcp, port: 8000-8100}
                  - {level: network, target: lab, kind: default, action: deny, protocol: tcp, port: 8080, remote: 10.0.0.0/8}
                  - {level: network, target: dmz, kind: default, action: deny, protocol: tcp, port: 8080}
                  - {level: network, target: lab, kind: default, action: deny, protocol: tcp, port: 9000}
                """);
        assertEquals(1, f.size(), f.toString());
        assertEquals(Finding.Type.SHADOWED, f.getFirst().type()); // line 3 is inside line 2's ports and remotes
        List<Finding> g = check("""
                rules:
                  - {level: network, target: lab, kind: default, action: allow, protocol: tcp, port: 8000-8100, remote: 10.1.0.0/16}
                  - {level: network, target: lab, kind: default, action: deny, protocol: tcp, port: 8080, remote: 10.0.0.0/8}
                """);
        assertEquals(1, g.size(), g.toString());
        assertEquals(Finding.Type.CONFLICT, g.getFirst().type());
        assertEquals(3, g.getFirst().at().line());
        assertEquals("p.yaml:3: warning: rule (deny) overlaps line 2 (allow) at the same level and target; line 2 wins where they overlap",
                g.getFirst().toString());
    }

    @Test
    void aCleanPolicyHasNoFindings() {
        assertEquals(List.of(), check("""
                rules:
                  - {level: global, kind: mandatory, action: deny, protocol: tcp, direction: in, port: 23}
                  - {level: network, target: lab, kind: mandatory, action: deny, protocol: tcp, direction: in, port: 22, remote: 10.0.0.0/8}
                  - {level: vm, target: web1, kind: default, action: allow, protocol: tcp, direction: in, port: 443}
                """));
    }
}
