package raypool.cloud.firewall.apply;

/**
 * How one cookie's flows change when a policy is applied: how many flows go, how many come, and the rule it
 * stands for ({@code file:line}, "builtin NAME", "infrastructure", or "not in the policy" for a cookie only
 * the switch has).
 */
public record CookieChange(String cookie, String rule, int removed, int added) {
}
