package raypool.cloud.firewall.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import raypool.cloud.firewall.RandomPolicies;

class PolicyCodecTest {

    private static final String ISSUE_EXAMPLE = """
            fail_mode: secure
            rules:
              - level: global
                kind: default
                action: allow
                protocol: dns
              - level: network
                target: lab
                kind: mandatory
                action: deny
                protocol: tcp
                direction: in
                port: 22
                remote: 10.0.0.0/8
            """;

    @Test
    void readsTheDocumentedExampleWithTheLineOfEachRule() {
        Policy p = PolicyCodec.parse("lab.yaml", ISSUE_EXAMPLE);
        assertEquals(FailMode.SECURE, p.failMode());
        assertEquals(true, p.builtinDefaults());
        assertEquals(2, p.rules().size());
        Rule dns = p.rules().get(0);
        assertEquals(new Origin("lab.yaml", 3), dns.origin());
        assertEquals(Direction.BOTH, dns.direction());
        assertEquals(Ipv4Cidr.ANY, dns.remote());
        Rule ssh = p.rules().get(1);
        assertEquals(new Origin("lab.yaml", 7), ssh.origin());
        assertEquals(Level.NETWORK, ssh.level());
        assertEquals("lab", ssh.target().orElseThrow());
        assertEquals(Kind.MANDATORY, ssh.kind());
        assertEquals(Action.DENY, ssh.action());
        assertEquals(PortRange.of(22), ssh.port().orElseThrow());
        assertEquals(Ipv4Cidr.parse("10.0.0.0/8"), ssh.remote());
    }

    @Test
    void jsonReadsLikeYamlWithLines() {
        String json = """
                {"fail_mode": "open", "builtin_defaults": false,
                 "rules": [
                   {"level": "vm", "target": "web1", "kind": "default", "action": "allow",
                    "protocol": "udp", "port": "8000-8100", "id": 7}
                 ]}
                """;
        Policy p = PolicyCodec.parse("p.json", json);
        assertEquals(FailMode.OPEN, p.failMode());
        assertFalse(p.builtinDefaults());
        assertEquals(3, p.rules().getFirst().origin().line());
        assertEquals(new PortRange(8000, 8100), p.rules().getFirst().port().orElseThrow());
        assertEquals(7, p.rules().getFirst().id().getAsLong());
    }

    @Test
    void randomPoliciesRoundTripThroughYamlAndJson() {
        RandomPolicies random = new RandomPolicies(7);
        for (int i = 0; i < 200; i++) {
            Policy p = random.policy(i);
            for (PolicyCodec.Format f : PolicyCodec.Format.values()) {
                Policy back = PolicyCodec.parse(p.file(), PolicyCodec.write(p, f));
                assertEquals(p.failMode(), back.failMode());
                assertEquals(p.builtinDefaults(), back.builtinDefaults());
                assertEquals(stripped(p.rules()), stripped(back.rules()), f + " of policy " + i);
            }
        }
    }

    private static List<Rule> stripped(List<Rule> rules) {
        return rules.stream().map(r -> r.at(Origin.builtin())).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "rules:\\n  - level: global\\n    kind: default\\n    action: allow\\n    protocol: smtp|"
                + "p.yaml:5: protocol: 'smtp' is not one of any, arp, ip, icmp, tcp, udp, dhcp, dns",
        "rules:\\n  - level: network\\n    kind: default\\n    action: allow\\n    protocol: tcp|"
                + "p.yaml:2: target: missing: a network rule names its network (name or UUID)",
        "rules:\\n  - level: global\\n    target: x\\n    kind: default\\n    action: allow\\n    protocol: tcp|"
                + "p.yaml:3: target: a global rule has no target",
        "rules:\\n  - level: global\\n    kind: default\\n    action: allow\\n    protocol: icmp\\n    port: 22|"
                + "p.yaml:6: port: only tcp and udp rules take a port, not icmp",
        "rules:\\n  - level: global\\n    kind: default\\n    action: allow\\n    protocol: tcp\\n    port: 9000-80|"
                + "p.yaml:6: port: port range 9000-80 is not within 0-65535 low to high",
        "rules:\\n  - level: global\\n    kind: default\\n    action: allow\\n    protocol: tcp\\n    remote: 10.0.0.256/8|"
                + "p.yaml:6: remote: '10.0.0.256' is not an IPv4 address",
        "rules:\\n  - level: global\\n    kind: default\\n    action: allow\\n    protocol: tcp\\n    remote: 10.0.0.0/33|"
                + "p.yaml:6: remote: prefix /33 is not within 0-32",
        "rules:\\n  - level: global\\n    kind: default\\n    action: allow\\n    protocol: tcp\\n    colour: red|"
                + "p.yaml:6: colour: unknown field (expected one of level, target, kind, action, protocol, direction, port, remote, id)",
        "rules:\\n  - level: global\\n    kind: default\\n    action: allow|p.yaml:2: protocol: missing",
        "fail_mode: closed|p.yaml:1: fail_mode: 'closed' is not one of secure, open",
        "builtin_defaults: maybe|p.yaml:1: builtin_defaults: expected true or false, not 'maybe'",
        "fail_mode: secure\\nfail_mode: open|p.yaml:2: fail_mode: given twice",
        "- a\\n- b|p.yaml:1: policy: expected a mapping with fail_mode, builtin_defaults and rules",
        "rules:\\n  - level: global\\n    kind: default\\n    action: allow\\n    protocol: any\\n    id: 3\\n"
                + "  - level: global\\n    kind: default\\n    action: deny\\n    protocol: any\\n    id: 3|"
                + "p.yaml:7: id: 3 is already the id of the rule on line 2",
        "rules: [unclosed|p.yaml:1: syntax: while parsing a flow sequence",
    })
    void badFilesNameTheFileLineAndField(String text, String message) {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyCodec.parse("p.yaml", text.replace("\\n", "\n")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void anEmptyFileIsAnError() {
        assertEquals("e.yaml:1: policy: the file is empty",
                assertThrows(PolicyException.class, () -> PolicyCodec.parse("e.yaml", "")).getMessage());
    }

    @Test
    void cidrsAndRangesParseStrictly() {
        assertEquals(Ipv4Cidr.parse("10.1.2.0/24"), Ipv4Cidr.parse("10.1.2.77/24"));
        assertEquals("10.1.2.0/24", Ipv4Cidr.parse("10.1.2.77/24").toString());
        assertEquals(true, Ipv4Cidr.parse("10.0.0.0/8").contains(Ipv4Cidr.parse("10.1.2.3")));
        assertEquals(false, Ipv4Cidr.parse("10.1.0.0/16").contains(Ipv4Cidr.parse("10.0.0.0/8")));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse("10.1.2"));
        assertThrows(IllegalArgumentException.class, () -> Ipv4Cidr.parse("10.1.2.3/x"));
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse("22-"));
    }
}
