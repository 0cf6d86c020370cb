package raypool.cloud.firewall.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import raypool.cloud.firewall.compile.Layout;
import raypool.cloud.firewall.policy.BuiltinRules;
import raypool.cloud.firewall.policy.Rule;

/**
 * Groups the output of {@code ovs-ofctl diff-flows} (lines of flows, "-" for one that goes, "+" for one that
 * comes, a changed flow as both) by cookie, and names each cookie's rule. A pure function.
 */
public final class FlowDiff {

    private static final Pattern COOKIE = Pattern.compile("cookie=(0x[0-9a-fA-F]+|\\d+)");

    private FlowDiff() {
    }

    public static List<CookieChange> of(String diffOutput, Map<Long, Rule> rules) {
        Map<Long, int[]> counts = new TreeMap<>(Long::compareUnsigned);
        for (String line : diffOutput.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || (t.charAt(0) != '+' && t.charAt(0) != '-')) {
                continue;
            }
            Matcher m = COOKIE.matcher(t);
            long cookie = 0;
            if (m.find()) {
                String v = m.group(1);
                cookie = v.startsWith("0x") ? Long.parseUnsignedLong(v.substring(2), 16) : Long.parseUnsignedLong(v);
            }
            counts.computeIfAbsent(cookie, c -> new int[2])[t.charAt(0) == '-' ? 0 : 1]++;
        }
        List<CookieChange> out = new ArrayList<>();
        counts.forEach((cookie, n) -> out.add(new CookieChange("0x" + Long.toHexString(cookie), name(cookie, rules), n[0], n[1])));
        return List.copyOf(out);
    }

    private static String name(long cookie, Map<Long, Rule> rules) {
        if (cookie == Layout.INFRASTRUCTURE_COOKIE) {
            return "infrastructure";
        }
        Rule r = rules.get(cookie);
        if (r == null) {
            return "not in the policy";
        }
        return r.origin().isBuiltin() ? "builtin " + BuiltinRules.nameOf(r) : r.origin().toString();
    }
}
