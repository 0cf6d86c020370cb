package raypool.cloud.firewall.check;

import java.util.ArrayList;
import java.util.List;
import raypool.cloud.firewall.decide.OrderedPolicy;
import raypool.cloud.firewall.match.Atom;
import raypool.cloud.firewall.policy.Rule;

/**
 * Finds, without looking at any pool, the rules of a valid policy that can never match because one earlier
 * rule in first-match order, with a target at least as wide, covers every packet they would match; and pairs
 * of overlapping rules at the same level and target with opposite actions (the earlier one wins where they
 * overlap). A rule covered only by several earlier rules together is not reported.
 */
public final class PolicyChecker {

    private PolicyChecker() {
    }

    public static List<Finding> check(OrderedPolicy policy) {
        List<Finding> findings = new ArrayList<>();
        List<OrderedPolicy.Entry> entries = policy.entries();
        for (int j = 0; j < entries.size(); j++) {
            OrderedPolicy.Entry later = entries.get(j);
            if (later.rule().origin().isBuiltin()) {
                continue;
            }
            boolean shadowed = false;
            for (int i = 0; i < j && !shadowed; i++) {
                OrderedPolicy.Entry earlier = entries.get(i);
                if (earlier.matchesTargetOf(later) && covers(earlier.atoms(), later.atoms())) {
                    findings.add(new Finding(later.rule().origin(), Finding.Type.SHADOWED, "rule never matches: "
                            + where(earlier.rule()) + " (" + earlier.rule().describe() + ") comes first and covers it"));
                    shadowed = true;
                }
            }
            if (shadowed) {
                continue;
            }
            for (int i = 0; i < j; i++) {
                Rule a = entries.get(i).rule();
                Rule b = later.rule();
                if (!a.origin().isBuiltin() && a.level() == b.level() && a.target().equals(b.target()) && a.action() != b.action()
                        && overlaps(entries.get(i).atoms(), later.atoms())) {
                    findings.add(new Finding(b.origin(), Finding.Type.CONFLICT, "rule (" + b.action().word() + ") overlaps "
                            + where(a) + " (" + a.action().word() + ") at the same level and target; " + where(a)
                            + " wins where they overlap"));
                }
            }
        }
        return List.copyOf(findings);
    }

    private static String where(Rule r) {
        return r.origin().isBuiltin() ? "a built-in rule" : "line " + r.origin().line();
    }

    private static boolean covers(List<Atom> wide, List<Atom> narrow) {
        for (Atom n : narrow) {
            boolean covered = false;
            for (Atom w : wide) {
                if (w.covers(n)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlaps(List<Atom> a, List<Atom> b) {
        for (Atom x : a) {
            for (Atom y : b) {
                if (x.overlaps(y)) {
                    return true;
                }
            }
        }
        return false;
    }
}
