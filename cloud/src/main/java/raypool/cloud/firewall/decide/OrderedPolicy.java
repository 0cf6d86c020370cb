package raypool.cloud.firewall.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import raypool.cloud.firewall.match.Atom;
import raypool.cloud.firewall.match.Atoms;
import raypool.cloud.firewall.policy.Level;
import raypool.cloud.firewall.policy.Policy;
import raypool.cloud.firewall.policy.Rule;

/**
 * A policy's effective rules in first-match order (by tier, then file order), each with its atoms. Rules of
 * one tier for different targets never meet on one interface, so one order serves every interface.
 */
public record OrderedPolicy(Policy policy, List<Entry> entries) {

    /** One rule with its position in the order (0 first) and its atoms. */
    public record Entry(int rank, Rule rule, Tier tier, List<Atom> atoms) {

        public boolean appliesTo(Attachment a) {
            return switch (rule.level()) {
                case GLOBAL -> true;
                case POOL -> a.pool().contains(rule.target().orElseThrow());
                case NETWORK -> a.network().contains(rule.target().orElseThrow());
                case VM -> a.vm().contains(rule.target().orElseThrow());
            };
        }

        public boolean matchesTargetOf(Entry other) {
            return rule.level() == Level.GLOBAL || (rule.level() == other.rule.level() && rule.target().equals(other.rule.target()));
        }
    }

    public OrderedPolicy {
        entries = List.copyOf(entries);
    }

    public static OrderedPolicy of(Policy policy) {
        List<Rule> rules = new ArrayList<>(policy.effectiveRules());
        rules.sort(Comparator.comparing(Tier::of)); // stable: file order within a tier, built-ins last
        List<Entry> entries = new ArrayList<>(rules.size());
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            entries.add(new Entry(i, r, Tier.of(r), Atoms.of(r)));
        }
        return new OrderedPolicy(policy, entries);
    }
}
