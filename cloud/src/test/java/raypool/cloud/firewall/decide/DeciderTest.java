package raypool.cloud.firewall.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import raypool.cloud.firewall.policy.Action;
import raypool.cloud.firewall.policy.BuiltinRules;
import raypool.cloud.firewall.policy.Direction;
import raypool.cloud.firewall.policy.FailMode;
import raypool.cloud.firewall.policy.Kind;
import raypool.cloud.firewall.policy.Level;
import raypool.cloud.firewall.policy.Origin;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.firewall.policy.PortRange;
import raypool.cloud.firewall.policy.Protocol;
import raypool.cloud.firewall.policy.Rule;

class DeciderTest {

    private static final Attachment WEB1_ON_LAB = Attachment.of("lab-pool", "lab", "web1");

    private static Decision decide(Policy p, String packet) {
        return Decider.decide(OrderedPolicy.of(p), WEB1_ON_LAB, PacketParser.parse(packet));
    }

    private static Policy policy(boolean builtins, Rule... rules) {
        return new Policy("p.yaml", FailMode.SECURE, builtins, List.of(rules));
    }

    private static Rule ssh(Level level, Kind kind, Action action, int line) {
        Rule.Builder b = Rule.builder().level(level).kind(kind).action(action).protocol(Protocol.TCP).direction(Direction.IN)
                .port(PortRange.of(22)).origin(new Origin("p.yaml", line));
        switch (level) {
            case POOL -> b.target("lab-pool");
            case NETWORK -> b.target("lab");
            case VM -> b.target("web1");
            default -> {
            }
        }
        return b.build();
    }

    @Test
    void theArticlesDefaultsAllowArpDhcpDnsAndTheRestByName() {
        Policy empty = policy(true);
        assertEquals(Optional.of("allow-arp"), decide(empty, "arp,in,remote=10.0.0.1").name());
        assertEquals(Optional.of("allow-dhcp"), decide(empty, "dhcp,out").name());
        assertEquals(Optional.of("allow-dhcp"), decide(empty, "dhcp,in").name());
        assertEquals(Optional.of("allow-dns"), decide(empty, "dns,out,remote=8.8.8.8").name());
        assertEquals(Optional.of("allow-dns"), decide(empty, "tcp,out,remote=8.8.8.8,port=53").name());
        assertEquals(Optional.of("allow-all"), decide(empty, "tcp,in,remote=10.1.2.3,port=22").name());
        assertEquals(Action.ALLOW, decide(empty, "icmp,in").action());
    }

    @Test
    void withoutTheBuiltInDefaultsAnUnmatchedPacketIsDropped() {
        Decision d = decide(policy(false), "tcp,in,remote=10.1.2.3,port=22");
        assertEquals(Action.DENY, d.action());
        assertEquals(Optional.of(BuiltinRules.NO_MATCH), d.name());
    }

    @Test
    void eachDefaultLevelOverridesTheOneBelow() {
        List<Rule> rules = new ArrayList<>();
        Level[] wideToNarrow = {Level.GLOBAL, Level.POOL, Level.NETWORK, Level.VM};
        // Written in the file from widest to narrowest, alternating actions: the narrowest must win each time.
        for (int n = 0; n < wideToNarrow.length; n++) {
            rules.add(ssh(wideToNarrow[n], Kind.DEFAULT, n % 2 == 0 ? Action.DENY : Action.ALLOW, 10 + n));
            Decision d = decide(policy(true, rules.toArray(Rule[]::new)), "tcp,in,remote=10.1.2.3,port=22");
            assertEquals(wideToNarrow[n], d.level(), "with " + rules.size() + " levels");
            assertEquals(10 + n, d.origin().line());
            assertEquals(n % 2 == 0 ? Action.DENY : Action.ALLOW, d.action());
        }
    }

    @Test
    void eachMandatoryLevelOverridesTheOnesBelowIt() {
        List<Rule> rules = new ArrayList<>();
        Level[] narrowToWide = {Level.VM, Level.NETWORK, Level.POOL, Level.GLOBAL};
        for (int n = 0; n < narrowToWide.length; n++) {
            rules.add(ssh(narrowToWide[n], Kind.MANDATORY, n % 2 == 0 ? Action.ALLOW : Action.DENY, 20 + n));
            Decision d = decide(policy(true, rules.toArray(Rule[]::new)), "tcp,in,remote=10.1.2.3,port=22");
            assertEquals(narrowToWide[n], d.level());
            assertEquals(Kind.MANDATORY, d.kind());
        }
    }

    @Test
    void mandatoryBeatsDefaultWhateverTheLevels() {
        Policy p = policy(true, ssh(Level.VM, Kind.DEFAULT, Action.ALLOW, 3), ssh(Level.GLOBAL, Kind.MANDATORY, Action.DENY, 9));
        Decision d = decide(p, "tcp,in,remote=10.1.2.3,port=22");
        assertEquals(Action.DENY, d.action());
        assertEquals(9, d.origin().line());
        // The global mandatory deny cannot be undone by a VM mandatory allow either.
        Policy q = policy(true, ssh(Level.VM, Kind.MANDATORY, Action.ALLOW, 3), ssh(Level.GLOBAL, Kind.MANDATORY, Action.DENY, 9));
        assertEquals(9, decide(q, "tcp,in,remote=10.1.2.3,port=22").origin().line());
    }

    @Test
    void rulesForOtherTargetsDoNotApply() {
        Rule other = Rule.builder().level(Level.VM).target("db1").kind(Kind.MANDATORY).action(Action.DENY).protocol(Protocol.ANY)
                .origin(new Origin("p.yaml", 4)).build();
        assertEquals(Optional.of("allow-all"), decide(policy(true, other), "tcp,in,port=80").name());
    }

    @Test
    void repliesOfTrackedConnectionsPassBeforeAnyRule() {
        Rule denyIn = Rule.builder().level(Level.GLOBAL).kind(Kind.MANDATORY).action(Action.DENY).protocol(Protocol.ANY)
                .direction(Direction.IN).origin(new Origin("p.yaml", 2)).build();
        assertEquals(Action.DENY, decide(policy(true, denyIn), "tcp,in,remote=10.1.2.3,port=49152,sport=443").action());
        Decision reply = decide(policy(true, denyIn), "tcp,in,remote=10.1.2.3,port=49152,sport=443,state=est");
        assertEquals(Action.ALLOW, reply.action());
        assertEquals(Optional.of(BuiltinRules.ESTABLISHED), reply.name());
    }

    @Test
    void portRangesAndRemotesBoundTheMatch() {
        Rule web = Rule.builder().level(Level.GLOBAL).kind(Kind.MANDATORY).action(Action.DENY).protocol(Protocol.TCP)
                .port(new PortRange(8000, 8100)).remote(raypool.cloud.firewall.policy.Ipv4Cidr.parse("10.1.0.0/16"))
                .origin(new Origin("p.yaml", 2)).build();
        Policy p = policy(true, web);
        assertEquals(Action.DENY, decide(p, "tcp,in,remote=10.1.2.3,port=8100").action());
        assertEquals(Action.DENY, decide(p, "tcp,out,remote=10.1.2.3,port=8000").action());
        assertEquals(Action.ALLOW, decide(p, "tcp,in,remote=10.1.2.3,port=8101").action());
        assertEquals(Action.ALLOW, decide(p, "tcp,in,remote=10.2.0.1,port=8050").action());
        assertEquals(Action.ALLOW, decide(p, "udp,in,remote=10.1.2.3,port=8050").action());
    }
}
