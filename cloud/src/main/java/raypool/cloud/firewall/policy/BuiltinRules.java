package raypool.cloud.firewall.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The four global default rules of the original cloud, tried after every rule of the file: allow ARP, allow
 * DHCP, allow DNS, allow everything else. Each has a name so that a decision made by one can say which. When
 * they are switched off and nothing matches, the packet is dropped, and that has a name too.
 */
public final class BuiltinRules {

    /** The name a decision gives when no rule matched at all (only possible without the built-in defaults). */
    public static final String NO_MATCH = "no-match-deny";
    /** The name of the connection-tracking rule that lets replies of allowed connections through. */
    public static final String ESTABLISHED = "allow-established";

    private static final List<Rule> RULES = List.of(
            builtin(Protocol.ARP, 1), builtin(Protocol.DHCP, 2), builtin(Protocol.DNS, 3), builtin(Protocol.ANY, 4));
    private static final Map<Protocol, String> NAMES = Map.of(
            Protocol.ARP, "allow-arp", Protocol.DHCP, "allow-dhcp", Protocol.DNS, "allow-dns", Protocol.ANY, "allow-all");

    private BuiltinRules() {
    }

    private static Rule builtin(Protocol protocol, int index) {
        // Fixed ids keep the built-in rules' cookies stable whatever the file says.
        return Rule.builder().level(Level.GLOBAL).kind(Kind.DEFAULT).action(Action.ALLOW).protocol(protocol)
                .id(0xB0000000L + index).origin(Origin.builtin()).build();
    }

    public static List<Rule> rules() {
        return RULES;
    }

    static List<Rule> appendTo(List<Rule> fileRules) {
        List<Rule> all = new ArrayList<>(fileRules);
        all.addAll(RULES);
        return List.copyOf(all);
    }

    /** The name of a built-in rule, e.g. {@code allow-dns}. */
    public static String nameOf(Rule rule) {
        if (!rule.origin().isBuiltin()) {
            throw new IllegalArgumentException("not a built-in rule: " + rule.describe());
        }
        return NAMES.get(rule.protocol());
    }
}
