package raypool.cloud.firewall.check;

import raypool.cloud.firewall.policy.Origin;

/** A warning about a policy: where, what kind, and one line saying why. */
public record Finding(Origin at, Type type, String message) {

    /** What the checker found. */
    public enum Type { SHADOWED, CONFLICT }

    @Override
    public String toString() {
        return at + ": warning: " + message;
    }
}
