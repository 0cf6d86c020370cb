package raypool.cloud.firewall.decide;

import java.util.Optional;
import raypool.cloud.firewall.policy.Action;
import raypool.cloud.firewall.policy.BuiltinRules;
import raypool.cloud.firewall.policy.Kind;
import raypool.cloud.firewall.policy.Level;
import raypool.cloud.firewall.policy.Origin;
import raypool.cloud.firewall.policy.Rule;

/**
 * What happens to a packet and which rule said so: a rule of the file ({@code file:line}, level, kind) or a
 * built-in one, which also has a {@code name}.
 */
public record Decision(Action action, Origin origin, Level level, Kind kind, Optional<String> name) {

    public static Decision by(Rule rule) {
        Optional<String> name = rule.origin().isBuiltin() ? Optional.of(BuiltinRules.nameOf(rule)) : Optional.empty();
        return new Decision(rule.action(), rule.origin(), rule.level(), rule.kind(), name);
    }

    public static Decision established() {
        return new Decision(Action.ALLOW, Origin.builtin(), Level.GLOBAL, Kind.MANDATORY, Optional.of(BuiltinRules.ESTABLISHED));
    }

    public static Decision noMatch() {
        return new Decision(Action.DENY, Origin.builtin(), Level.GLOBAL, Kind.DEFAULT, Optional.of(BuiltinRules.NO_MATCH));
    }

    /** One line, e.g. {@code deny by lab.yaml:12 (network mandatory)} or {@code allow by builtin allow-dns (global default)}. */
    public String describe() {
        String who = name.map(n -> "builtin " + n).orElse(origin.toString());
        return action.word() + " by " + who + " (" + level.word() + " " + kind.word() + ")";
    }
}
