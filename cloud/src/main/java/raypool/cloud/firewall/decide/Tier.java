package raypool.cloud.firewall.decide;

import raypool.cloud.firewall.policy.Kind;
import raypool.cloud.firewall.policy.Level;
import raypool.cloud.firewall.policy.Rule;

/**
 * The eight places a rule can take in the first-match order for one VM interface: mandatory rules from the
 * widest level down, then default rules from the narrowest level up, so that a mandatory rule cannot be undone
 * below it and a default rule gives way to anything more specific.
 */
public enum Tier {
    GLOBAL_MANDATORY, POOL_MANDATORY, NETWORK_MANDATORY, VM_MANDATORY, VM_DEFAULT, NETWORK_DEFAULT, POOL_DEFAULT, GLOBAL_DEFAULT;

    public static Tier of(Rule rule) {
        return of(rule.level(), rule.kind());
    }

    public static Tier of(Level level, Kind kind) {
        int index = level.ordinal();
        return values()[kind == Kind.MANDATORY ? index : 7 - index];
    }
}
