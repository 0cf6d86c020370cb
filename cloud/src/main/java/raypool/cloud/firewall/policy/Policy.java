package raypool.cloud.firewall.policy;

import java.util.List;

/**
 * A whole policy file: its fail mode, whether the four built-in global default rules (allow ARP, DHCP, DNS,
 * then everything) are in force, and its rules in file order. {@code file} names it in messages.
 */
public record Policy(String file, FailMode failMode, boolean builtinDefaults, List<Rule> rules) {

    public Policy {
        rules = List.copyOf(rules);
    }

    /** The rules the decider and compiler use: the file's, then the built-in defaults when in force. */
    public List<Rule> effectiveRules() {
        return builtinDefaults ? BuiltinRules.appendTo(rules) : rules;
    }
}
